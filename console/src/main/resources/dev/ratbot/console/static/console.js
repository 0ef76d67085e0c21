// Draws every chart on the page with uPlot from the data in its data-chart attribute; values show on hover.
(function () {
  "use strict";
  var colours = ["#2f6fb5", "#e07b39", "#3a9d5d", "#b3261e", "#7b5cb8", "#8a8f98"];
  function draw(el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    var series = [{}];
    var columns = [data.times];
    data.series.forEach(function (s, i) {
      series.push({ label: s.name, stroke: colours[i % colours.length], width: 2, spanGaps: false,
        value: function (u, v) { return v == null ? "–" : v + (data.unit === "%" ? " %" : ""); } });
      columns.push(s.values);
    });
    var width = Math.max(280, el.clientWidth);
    var chart = new uPlot({ width: width, height: 200, series: series, scales: { x: { time: true } },
      axes: [{}, { size: 50 }], legend: { live: true } }, columns, el);
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.setSize({ width: Math.max(280, el.clientWidth), height: 200 }); });
  }
  document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
    try { draw(el); } catch (e) { el.textContent = "This chart could not be drawn."; }
  });
})();

package dev.ratbot.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart as the page carries it: a title and its data as JSON in an attribute, which console.js
 * draws with uPlot.
 */
public record ChartView(String title, String json) {

    static ChartView of(ConsoleQueries.Chart chart) {
        StringBuilder out =
                new StringBuilder("{\"unit\":").append(string(chart.unit())).append(",\"times\":[");
        List<Long> times = chart.times();
        for (int i = 0; i < times.size(); i++) out.append(i == 0 ? "" : ",").append(times.get(i));
        out.append("],\"series\":[");
        boolean first = true;
        for (Map.Entry<String, double[]> s : chart.series().entrySet()) {
            out.append(first ? "" : ",")
                    .append("{\"name\":")
                    .append(string(s.getKey()))
                    .append(",\"values\":[");
            first = false;
            double[] v = s.getValue();
            for (int i = 0; i < v.length; i++) {
                out.append(i == 0 ? "" : ",");
                if (Double.isNaN(v[i])) out.append("null");
                else if (v[i] == Math.rint(v[i])) out.append((long) v[i]);
                else out.append(String.format(Locale.ROOT, "%.1f", v[i]));
            }
            out.append("]}");
        }
        return new ChartView(chart.title(), out.append("]}").toString());
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20
                            || ch == '<'
                            || ch == '>'
                            || ch == '&'
                            || ch == '\u2028'
                            || ch == '\u2029') out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.append('"').toString();
    }
}

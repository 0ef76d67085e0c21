package dev.ratbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;

/**
 * One REST request the fake Discord received: method, path below the API base (e.g.
 * "/channels/1/messages"), query string, headers (names lower-case) and body.
 */
public record RecordedRequest(
        String method, String path, String query, Map<String, String> headers, String body) {

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body == null || body.isBlank()) return MissingNode.getInstance();
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    public boolean is(String m, String pathRegex) {
        return method.equalsIgnoreCase(m) && path.matches(pathRegex);
    }

    @Override
    public String toString() {
        return method
                + " "
                + path
                + (query.isEmpty() ? "" : "?" + query)
                + " "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}

package dev.ratbot.discord;

import discord4j.rest.http.client.ClientException;

/** One-line descriptions of failures for logs and start-up errors, with nothing secret in them. */
@SuppressWarnings("ReferenceEquality") // a cause chain ends at a throwable that is its own cause
final class SafeErrors {

    private SafeErrors() {}

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientException ce) {
                int status = ce.getStatus().code();
                String hint =
                        status == 401
                                ? " (the bot token was refused: check DISCORD_BOT_TOKEN)"
                                : "";
                // The request line names the route, never the Authorization header.
                return "Discord answered HTTP "
                        + status
                        + " to "
                        + ce.getRequest().getMethod()
                        + " "
                        + route(ce)
                        + hint;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static String route(ClientException ce) {
        String url = ce.getRequest().getUrl();
        // Interaction and webhook routes carry a token in the path: keep only the route's shape.
        return url.replaceAll("/(interactions|webhooks)/(\\d+)/[^/?]+", "/$1/$2/<token>");
    }
}

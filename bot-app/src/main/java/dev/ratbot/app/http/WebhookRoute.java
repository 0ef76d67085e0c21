package dev.ratbot.app.http;

import dev.ratbot.telegram.WebhookReceiver;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Telegram's webhook over HTTP, on any path (a proxy in front may map the public path freely). The
 * secret header is checked before a byte of the body is read: without it the answer is 401 and
 * nothing else happens. Then POST only, a body of at most {@link WebhookReceiver#MAX_BODY_BYTES}
 * (413 beyond), read within the site's body timeout ({@link SlowClients}); the receiver's outcome
 * is 200 (taken, or ignored as not an update) or 503 (come back later).
 */
final class WebhookRoute extends Handler.Abstract {

    private static final String JSON = "application/json";

    private final WebhookReceiver receiver;

    WebhookRoute(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    @SuppressWarnings(
            "removal") // Jetty 12.1 marks asByteArrayAsync for removal; its bounded read is still
    // what we need
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!receiver.authorized(request.getHeaders().get(WebhookReceiver.SECRET_HEADER))) {
            return answer(response, callback, 401, "");
        }
        if (!request.getMethod().equals("POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return answer(response, callback, 405, "");
        }
        if (request.getLength() > WebhookReceiver.MAX_BODY_BYTES)
            return answer(response, callback, 413, "");
        byte[] body;
        try {
            body = Content.Source.asByteArrayAsync(request, WebhookReceiver.MAX_BODY_BYTES).get();
        } catch (java.util.concurrent.ExecutionException e) {
            // Larger than allowed without saying so, or cut off (a slow client is disconnected).
            return answer(response, callback, 413, "");
        }
        return switch (receiver.take(body)) {
            case TAKEN -> answer(response, callback, 200, "{\"ok\":true}");
            case IGNORED ->
                    answer(response, callback, 200, "{\"ok\":true,\"ignored\":\"not an update\"}");
            case BUSY -> answer(response, callback, 503, "");
        };
    }

    private static boolean answer(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        if (!body.isEmpty()) response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}

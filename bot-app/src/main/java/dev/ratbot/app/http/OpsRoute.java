package dev.ratbot.app.http;

import dev.ratbot.app.ops.OpsEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The operations endpoint's answers, over HTTP. */
final class OpsRoute extends Handler.Abstract {

    private final OpsEndpoint ops;

    OpsRoute(OpsEndpoint ops) {
        this.ops = ops;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        OpsEndpoint.Answer answer =
                ops.answer(request.getMethod(), Request.getPathInContext(request));
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        Content.Sink.write(response, true, answer.body(), callback);
        return true;
    }
}

package dev.ratbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.zip.Deflater;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One gateway WebSocket connection as Discord runs it: every frame it sends is a piece of one zlib
 * stream for the whole connection (one Deflater, SYNC_FLUSH, so each frame ends 00 00 ff ff), and
 * every payload carries op, t, s and d. Sequence numbers count dispatches on this connection.
 */
public final class FakeGatewaySession {

    private final Sinks.Many<WebSocketFrame> outbound =
            Sinks.many().unicast().onBackpressureBuffer();
    private final Deflater deflater = new Deflater();
    private final BiConsumer<FakeGatewaySession, JsonNode> onClientPayload;
    private int sequence;
    private volatile int shard = -1;
    private volatile int shardCount = 1;
    private volatile JsonNode identify;
    private volatile boolean open = true;

    FakeGatewaySession(BiConsumer<FakeGatewaySession, JsonNode> onClientPayload) {
        this.onClientPayload = onClientPayload;
    }

    Flux<WebSocketFrame> frames() {
        return outbound.asFlux();
    }

    void receive(String text) {
        onClientPayload.accept(this, Json.parse(text));
    }

    /** Sends one payload; dispatches (op 0) get the next sequence number. */
    public synchronized void send(int op, String type, JsonNode data) {
        if (!open) return;
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("op", op);
        payload.set("d", data == null ? NullNode.getInstance() : data);
        if (op == 0) payload.put("s", ++sequence);
        else payload.putNull("s");
        if (type == null) payload.putNull("t");
        else payload.put("t", type);
        byte[] compressed = compress(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        outbound.tryEmitNext(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(compressed)));
    }

    public void dispatch(String type, JsonNode data) {
        send(0, type, data);
    }

    private byte[] compress(byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        return out.toByteArray();
    }

    void identified(JsonNode identifyPayload) {
        this.identify = identifyPayload;
        JsonNode s = identifyPayload.path("shard");
        if (s.isArray() && s.size() == 2) {
            shard = s.get(0).asInt();
            shardCount = s.get(1).asInt();
        } else {
            shard = 0;
            shardCount = 1;
        }
    }

    /**
     * Closes the connection from the server's side with 4000 ("unknown error: reconnect"), as
     * Discord may.
     */
    public synchronized void close() {
        if (!open) return;
        open = false;
        outbound.tryEmitNext(new CloseWebSocketFrame(4000, "fake Discord: please reconnect"));
        outbound.tryEmitComplete();
    }

    /**
     * Closes the connection from the server's side with a Discord close code, e.g. 4014 "Disallowed
     * intent(s)".
     */
    public synchronized void closeWith(int code, String reason) {
        if (!open) return;
        open = false;
        outbound.tryEmitNext(new CloseWebSocketFrame(code, reason));
        outbound.tryEmitComplete();
    }

    synchronized void closed() {
        open = false;
        outbound.tryEmitComplete();
        deflater.end();
    }

    public boolean isOpen() {
        return open;
    }

    /** The shard this connection identified as, or -1 before IDENTIFY. */
    public int shard() {
        return shard;
    }

    public int shardCount() {
        return shardCount;
    }

    /** The IDENTIFY payload's data, or null before it came. */
    public JsonNode identify() {
        return identify;
    }
}

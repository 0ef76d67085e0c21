package dev.ratbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP client long polling runs on, with a way to end a held {@code getUpdates} at once.
 * Telegram holds that request for up to 50 seconds; stopping closes its socket, and the interrupted
 * poll reads as an empty batch, so the library ends its loop quietly instead of logging an error
 * and backing off. Nothing is lost: updates are only confirmed by the next poll's offset, so any
 * that were in flight are delivered again to whoever polls next.
 *
 * <p>The library polls again as soon as a poll returns. A server that answers an empty {@code
 * getUpdates} at once instead of holding it (one that ignores {@code timeout}, as some emulators
 * and proxies do) would be asked thousands of times a second; so an empty answer that came back
 * sooner than {@link #MIN_EMPTY_POLL} is held here until that much time has passed, or until
 * stopping. Answers with updates are never held.
 *
 * <p>A poll that fails (no answer, or an error answer such as 409 Conflict when another process
 * polls the token) is told to {@link PollHealth}, which logs it in one line at most once a minute,
 * and reads to the library as an empty batch after a pause: the library would log every failure
 * with its stack trace and retry within a second. Nothing is lost, as no update was confirmed.
 */
final class PollingHttp {

    private static final String NO_UPDATES = "{\"ok\":true,\"result\":[]}";

    /** The shortest time between two polls when nothing is new. */
    static final Duration MIN_EMPTY_POLL = Duration.ofMillis(500);

    /** An empty batch is a few bytes; a longer answer carries updates. */
    private static final int EMPTY_ANSWER_MAX_BYTES = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final OkHttpClient client;

    /**
     * @param retryAfterFailure how long a failed poll waits before the next
     */
    PollingHttp(OkHttpClient base, PollHealth health, Duration retryAfterFailure) {
        this.client =
                base.newBuilder()
                        .dispatcher(new Dispatcher())
                        .connectionPool(new ConnectionPool())
                        .socketFactory(new TrackingSocketFactory())
                        // getUpdates holds the request for up to 50 seconds when there is nothing
                        // new.
                        .readTimeout(Duration.ofSeconds(75))
                        .callTimeout(Duration.ofSeconds(90))
                        .addInterceptor(
                                chain -> {
                                    if (stopping.get()) return noUpdates(chain.request());
                                    long started = System.nanoTime();
                                    boolean poll = isPoll(chain.request());
                                    Response response;
                                    try {
                                        response = chain.proceed(chain.request());
                                    } catch (IOException e) {
                                        if (stopping.get()) return noUpdates(chain.request());
                                        if (!poll) throw e;
                                        health.failed(
                                                "no answer from the Bot API ("
                                                        + Redaction.describe(e)
                                                        + ")");
                                        holdUntil(System.nanoTime() + retryAfterFailure.toNanos());
                                        return noUpdates(chain.request());
                                    }
                                    if (!poll) return response;
                                    if (!response.isSuccessful()) {
                                        String description = errorDescription(response);
                                        response.close();
                                        if (response.code() == 409) health.conflict(description);
                                        else
                                            health.failed(
                                                    "HTTP " + response.code() + " " + description);
                                        holdUntil(System.nanoTime() + retryAfterFailure.toNanos());
                                        return noUpdates(chain.request());
                                    }
                                    health.succeeded();
                                    if (isEmptyBatch(response))
                                        holdUntil(started + MIN_EMPTY_POLL.toNanos());
                                    return response;
                                })
                        .build();
    }

    private static Response noUpdates(Request request) {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(NO_UPDATES, MediaType.get("application/json")))
                .build();
    }

    private static boolean isPoll(Request request) {
        List<String> segments = request.url().pathSegments();
        return !segments.isEmpty() && segments.getLast().equalsIgnoreCase("getUpdates");
    }

    /**
     * The Bot API's description of an error answer, e.g. "Conflict: terminated by other getUpdates
     * request".
     */
    private static String errorDescription(Response response) {
        try {
            JsonNode answer = JSON.readTree(response.peekBody(4096).bytes());
            String description = answer == null ? "" : answer.path("description").asText("");
            return Redaction.redact(description.isEmpty() ? response.message() : description);
        } catch (IOException | RuntimeException e) {
            return Redaction.redact(response.message());
        }
    }

    private static boolean isEmptyBatch(Response response) throws IOException {
        if (!response.isSuccessful()) return false;
        byte[] start = response.peekBody(EMPTY_ANSWER_MAX_BYTES + 1).bytes();
        if (start.length > EMPTY_ANSWER_MAX_BYTES) return false;
        try {
            JsonNode answer = JSON.readTree(start);
            return answer != null
                    && answer.path("ok").asBoolean(false)
                    && answer.path("result").isArray()
                    && answer.path("result").isEmpty();
        } catch (IOException e) {
            return false; // not ours to judge: the library reports an answer it cannot read
        }
    }

    private void holdUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        try {
            stopped.await(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    OkHttpClient client() {
        return client;
    }

    /**
     * Ends any poll in flight (it returns no updates) and releases the client's threads and
     * connections.
     */
    void stop() {
        stopping.set(true);
        stopped.countDown();
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private final class TrackingSocketFactory extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            // OkHttp retries a failed request on a fresh connection; while stopping there must be
            // none.
            if (stopping.get()) throw new IOException("long polling is stopping");
            Socket socket =
                    new Socket() {
                        @Override
                        public synchronized void close() throws IOException {
                            sockets.remove(this);
                            super.close();
                        }
                    };
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(
                InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new java.net.InetSocketAddress(address, port));
        }

        private Socket connected(java.net.InetSocketAddress to) throws IOException {
            Socket socket = createSocket();
            socket.connect(to);
            return socket;
        }
    }
}

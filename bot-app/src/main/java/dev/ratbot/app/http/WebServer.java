package dev.ratbot.app.http;

import dev.ratbot.app.config.StartupException;
import dev.ratbot.app.ops.OpsEndpoint;
import dev.ratbot.console.ConsoleServer;
import dev.ratbot.telegram.WebhookReceiver;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's one HTTP server, Javalin on Jetty, for everything that listens: the operations
 * endpoint, the operator console and Telegram's webhook, each on its own address ({@link Listener})
 * and answering there only its own routes (a Jetty connector per {@link Site}, and each site's
 * routes bound to its connector).
 *
 * <p>Clients cannot wear it out: requests run on virtual threads, so a slow one holds no thread
 * that others need; a client that sends a request's head or body too slowly is disconnected ({@link
 * SlowClients}); and each site accepts a bounded number of connections ({@link Limits}), closing
 * idle ones sooner when it is full.
 *
 * <p>Life cycle: {@code WebServer.builder()...build()}, {@link #start()} binds every address or
 * none (a {@link StartupException} names the setting whose address cannot be had), {@link #close()}
 * stops.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** Platform threads for Jetty's selectors and acceptors; requests run on virtual threads. */
    private static final int PLATFORM_THREADS = 16;

    private final Map<Site, Listener> listeners;
    private final Map<Site, ServerConnector> connectors = new EnumMap<>(Site.class);
    private final Javalin javalin;

    private WebServer(Builder b) {
        this.listeners = new EnumMap<>(b.listeners);
        SlowClients slow =
                new SlowClients(new Handler.Sequence(b.routes.values().toArray(Handler[]::new)));
        this.javalin =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            QueuedThreadPool threads = new QueuedThreadPool(PLATFORM_THREADS, 2);
                            threads.setName("http");
                            threads.setVirtualThreadsExecutor(
                                    Executors.newThreadPerTaskExecutor(
                                            Thread.ofVirtual().name("http-", 0).factory()));
                            config.jetty.threadPool = threads;
                            config.jetty.modifyHttpConfiguration(
                                    http -> {
                                        http.setSendServerVersion(false);
                                        http.setSendXPoweredBy(false);
                                    });
                            // Javalin adds its own servlet context (the console's pages) to this
                            // sequence, after the core routes.
                            config.jetty.modifyServer(server -> server.setHandler(slow));
                            config.jetty.modifyServletContextHandler(
                                    context ->
                                            context.setVirtualHosts(
                                                    List.of("@" + Site.CONSOLE.connector())));
                            b.console.ifPresent(console -> console.install(config));
                            for (Listener listener : listeners.values()) {
                                config.jetty.addConnector(
                                        (server, http) -> {
                                            ServerConnector c =
                                                    new ServerConnector(
                                                            server,
                                                            new HttpConnectionFactory(http));
                                            c.setName(listener.site().connector());
                                            c.setHost(listener.bind());
                                            c.setPort(listener.port());
                                            c.setIdleTimeout(
                                                    listener.limits().idleTimeout().toMillis());
                                            NetworkConnectionLimit limit =
                                                    new NetworkConnectionLimit(
                                                            listener.limits().maxConnections(), c);
                                            limit.setEndPointIdleTimeout(
                                                    Math.min(
                                                            2_000,
                                                            listener.limits()
                                                                    .idleTimeout()
                                                                    .toMillis()));
                                            server.addBean(limit);
                                            slow.watch(c, listener.limits());
                                            connectors.put(listener.site(), c);
                                            return c;
                                        });
                            }
                        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sites and what each serves; the operations endpoint always. */
    public static final class Builder {
        private final Map<Site, Listener> listeners = new EnumMap<>(Site.class);
        private final Map<Site, Handler> routes = new EnumMap<>(Site.class);
        private Optional<ConsoleServer> console = Optional.empty();

        private Builder() {}

        public Builder ops(Listener listener, OpsEndpoint ops) {
            return site(listener, Site.OPS, new OpsRoute(ops));
        }

        public Builder console(Listener listener, ConsoleServer pages) {
            console = Optional.of(pages);
            listeners.put(check(listener, Site.CONSOLE), listener);
            return this;
        }

        public Builder webhook(Listener listener, WebhookReceiver receiver) {
            return site(listener, Site.WEBHOOK, new WebhookRoute(receiver));
        }

        private Builder site(Listener listener, Site site, Handler route) {
            listeners.put(check(listener, site), listener);
            ContextHandler context = new ContextHandler(route, "/");
            context.setVirtualHosts(List.of("@" + site.connector()));
            routes.put(site, context);
            return this;
        }

        private static Site check(Listener listener, Site site) {
            if (listener.site() != site)
                throw new IllegalArgumentException(listener + " is not for " + site);
            return site;
        }

        public WebServer build() {
            if (!listeners.containsKey(Site.OPS))
                throw new IllegalStateException("the operations endpoint is always served");
            return new WebServer(this);
        }
    }

    /**
     * Binds every site's address and starts serving.
     *
     * @throws StartupException naming the setting (the address or the port) of a site that cannot
     *     listen
     */
    public WebServer start() {
        checkCanListen(listeners.values());
        try {
            javalin.start();
        } catch (RuntimeException e) {
            close();
            throw new StartupException("cannot start the HTTP server: " + oneLine(e), e);
        }
        for (Listener l : listeners.values()) {
            log.info("{} listening on http://{}:{}", describe(l.site()), l.bind(), port(l.site()));
        }
        return this;
    }

    /** The port {@code site} listens on (the real one when 0 was asked for). */
    public int port(Site site) {
        ServerConnector c = connectors.get(site);
        if (c == null) throw new IllegalArgumentException(site + " is not served");
        return c.getLocalPort();
    }

    /**
     * Whether {@code site} answers a request within {@code timeout}, asked the way a client would
     * (a connection and a request head); for readiness. Empty when it does, else what went wrong.
     */
    public Optional<String> unanswered(Site site, Duration timeout) {
        Listener l = listeners.get(site);
        if (l == null) return Optional.of("not served");
        InetSocketAddress to = new InetSocketAddress(reachable(l.bind()), port(site));
        try (Socket socket = new Socket()) {
            socket.connect(to, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(
                    "GET /readiness-probe HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(9);
            return new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/1.")
                    ? Optional.empty()
                    : Optional.of("no HTTP answer on port " + to.getPort());
        } catch (IOException e) {
            return Optional.of(
                    "no answer on port " + to.getPort() + " within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } catch (RuntimeException e) {
            log.warn("stopping the HTTP server failed: {}", oneLine(e));
        }
    }

    /** A wildcard address is probed on the loopback interface. */
    private static InetAddress reachable(String bind) {
        try {
            InetAddress a = InetAddress.getByName(bind);
            return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /**
     * Binds every address at once as the server will, to say in one line which setting is wrong: an
     * address this machine does not have names the bind setting; a port in use (by another program
     * or another of our sites) or not allowed names the port setting.
     */
    private static void checkCanListen(Iterable<Listener> all) {
        List<ServerSocket> bound = new ArrayList<>();
        try {
            for (Listener l : all) {
                ServerSocket s = new ServerSocket();
                bound.add(s);
                try {
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress(l.bind(), l.port()));
                } catch (IOException e) {
                    throw cannotListen(l, e);
                }
            }
        } catch (IOException e) {
            throw new StartupException("cannot open a socket: " + oneLine(e), e);
        } finally {
            for (ServerSocket s : bound) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
    }

    private static StartupException cannotListen(Listener l, IOException e) {
        String why = oneLine(e);
        try (ServerSocket anyPort = new ServerSocket()) {
            anyPort.bind(new InetSocketAddress(l.bind(), 0));
        } catch (IOException addressProblem) {
            return new StartupException(
                    l.bindSetting().name()
                            + "="
                            + l.bind()
                            + ": cannot listen on this address ("
                            + why
                            + "); use 127.0.0.1, 0.0.0.0 or another address of this machine",
                    e);
        }
        return new StartupException(
                l.portSetting().name()
                        + "="
                        + l.port()
                        + ": cannot listen on "
                        + l.bind()
                        + ":"
                        + l.port()
                        + " ("
                        + why
                        + "); choose another port or stop what uses it",
                e);
    }

    private static String describe(Site site) {
        return switch (site) {
            case OPS -> "operations endpoint";
            case CONSOLE -> "console";
            case WEBHOOK -> "Telegram webhook";
        };
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}

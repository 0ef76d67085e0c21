package dev.ratbot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 in front of a real server (PostgreSQL), so a test can take the
 * server away as an outage does: {@link #cut()} resets every connection and refuses new ones,
 * {@link #restore()} listens again on the same port. Nothing about the server or the driver is
 * faked.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    /** A proxy to {@code host:port}, listening on a free local port. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** The server goes away: open connections are reset and new ones refused. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket s : open) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        open.clear();
    }

    /** The server is back on the same port. */
    public synchronized void restore() throws IOException {
        if (!server.isClosed()) return;
        server = listen(port);
        accept(server);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket listening) {
        Thread.ofVirtual()
                .start(
                        () -> {
                            while (!listening.isClosed()) {
                                Socket client;
                                try {
                                    client = listening.accept();
                                } catch (IOException e) {
                                    return; // closed by cut()
                                }
                                Socket upstream = new Socket();
                                try {
                                    upstream.connect(target, 2_000);
                                } catch (IOException e) {
                                    close(client); // the server refused: so does the proxy
                                    continue;
                                }
                                // A connection accepted just before cut() must not outlive it: that
                                // would be a store "back" mid-outage.
                                synchronized (this) {
                                    if (listening.isClosed()) {
                                        close(client);
                                        close(upstream);
                                        return;
                                    }
                                    open.add(client);
                                    open.add(upstream);
                                }
                                pipe(client, upstream);
                                pipe(upstream, client);
                            }
                        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual()
                .start(
                        () -> {
                            byte[] buffer = new byte[16 * 1024];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                for (int n; (n = in.read(buffer)) >= 0; ) {
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (IOException e) {
                                // one side went away
                            } finally {
                                close(from);
                                close(to);
                            }
                        });
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}

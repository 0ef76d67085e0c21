package dev.ratbot.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client over a plain socket, to send requests as slowly, partly or wrongly as an attacker would.
 */
final class RawClient implements AutoCloseable {

    private final Socket socket = new Socket();

    RawClient(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    }

    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** The answer's status line, waiting at most {@code timeout}. */
    String statusLine(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) line.append((char) b);
        return line.toString().strip();
    }

    /** Whether the server has closed the connection, waiting at most {@code timeout} for it. */
    boolean closedByServer(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() == -1) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    /** Writes one byte, or false when the server has gone. */
    boolean trickle(char c) {
        try {
            socket.getOutputStream().write(c);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package org.teleportj1.teleport.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * A stand-in for a Teleport proxy behind an L7 load balancer: TLS is terminated here with ALPN
 * {@code http/1.1} only (so TLS routing cannot pass), {@code /webapi/ping} is served, and
 * {@code GET /webapi/connectionupgrade} with sub-protocol {@code alpn-ping} is answered with 101; the
 * WebSocket frames are then tunnelled to the auth server. Pings the client once per connection and
 * counts the pongs; refuses unmasked client frames as RFC 6455 requires.
 */
final class UpgradeTestProxy implements AutoCloseable {
    private final SSLServerSocket listener;
    private final InetSocketAddress auth;
    final TestWebApi web;
    final AtomicInteger upgrades = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger unmaskedFrames = new AtomicInteger();

    UpgradeTestProxy(String clusterName, InetSocketAddress auth) throws IOException {
        this.auth = auth;
        this.web = new TestWebApi(clusterName, true);
        this.listener = web.listen(List.of("http/1.1"));
        Thread accept = new Thread(this::acceptLoop, "upgrade-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String address() {
        return "localhost:" + listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread handler = new Thread(() -> handle(client), "upgrade-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            Http11.Head head = web.serve(in, out);
            if (head == null) {
                client.close();
                return;
            }
            String key = head.header("sec-websocket-key");
            if (!head.firstLine().startsWith("GET " + ConnectionUpgradeForwarder.PATH + " ")
                    || !"websocket".equalsIgnoreCase(head.header("upgrade")) || key == null
                    || !String.valueOf(head.header("sec-websocket-protocol")).contains("alpn-ping")) {
                TestWebApi.respond(out, "404 Not Found", "text/plain", "not found");
                client.close();
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Protocol: alpn-ping\r\nSec-WebSocket-Accept: " + WebSocketFrames.accept(key)
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            upgrades.incrementAndGet();
            Socket upstream = new Socket(auth.getAddress(), auth.getPort());
            WebSocketFrames.Writer frames = new WebSocketFrames.Writer(out, false);
            frames.write(WebSocketFrames.PING, "keepalive".getBytes(StandardCharsets.US_ASCII), 0, 9);
            Thread down = new Thread(() -> authToClient(upstream, frames, client), "upgrade-proxy-down");
            down.setDaemon(true);
            down.start();
            clientToAuth(in, upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void clientToAuth(InputStream in, Socket upstream, Socket client) {
        try {
            OutputStream toAuth = upstream.getOutputStream();
            while (true) {
                WebSocketFrames.Frame frame = WebSocketFrames.read(in);
                if (!frame.masked()) {
                    unmaskedFrames.incrementAndGet();
                    return;
                }
                switch (frame.opcode()) {
                    case WebSocketFrames.BINARY -> {
                        toAuth.write(frame.payload());
                        toAuth.flush();
                    }
                    case WebSocketFrames.PONG -> pongs.incrementAndGet();
                    case WebSocketFrames.CLOSE -> {
                        return;
                    }
                    default -> {
                        // ignored
                    }
                }
            }
        } catch (IOException ended) {
            // connection closed
        } finally {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    private static void authToClient(Socket upstream, WebSocketFrames.Writer frames, Socket client) {
        byte[] buffer = new byte[16384];
        try {
            InputStream fromAuth = upstream.getInputStream();
            for (int n = fromAuth.read(buffer); n >= 0; n = fromAuth.read(buffer)) {
                frames.write(WebSocketFrames.BINARY, buffer, 0, n);
            }
        } catch (IOException ended) {
            // connection closed
        } finally {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

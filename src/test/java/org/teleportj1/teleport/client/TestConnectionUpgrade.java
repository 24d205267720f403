package org.teleportj1.teleport.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proxy's side of {@code /webapi/connectionupgrade} for the test proxies, with the selection
 * rules of each Teleport generation (lib/web's selectConnectionUpgrade, docs/teleport-api.md §4.3).
 * The tunnelled bytes go to the auth server. Counts what a test needs to see: the form taken, pings
 * sent and answered, client frames or packets that break the form's rules.
 */
final class TestConnectionUpgrade {
    /** Which forms the proxy accepts. */
    enum Generation {
        /** Before 15.1: legacy only, first of X-Teleport-Upgrade then Upgrade values; else 404. */
        LEGACY_ONLY,
        /** 15.1 to 18.x: every form, WebSocket preferred. */
        CURRENT,
        /** 19 and later: WebSocket only. */
        WEBSOCKET_ONLY
    }

    private final Generation generation;
    private final InetSocketAddress auth;
    /** The form of every upgrade answered with 101: websocket, alpn-ping or alpn. */
    final Queue<String> forms = new ConcurrentLinkedQueue<>();
    /** Request heads as they reached the proxy (after any balancer). */
    final Queue<Http11.Head> heads = new ConcurrentLinkedQueue<>();
    final AtomicInteger pingsSent = new AtomicInteger();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger unmaskedFrames = new AtomicInteger();
    /** alpn-ping packets whose length cannot be one (unframed bytes from the client). */
    final AtomicInteger badPackets = new AtomicInteger();

    TestConnectionUpgrade(Generation generation, InetSocketAddress auth) {
        this.generation = generation;
        this.auth = auth;
    }

    /**
     * Answers the request and, on success, runs the tunnel. {@code stripUpgradeFromResponse} stands
     * for a balancer between proxy and client that drops the hop-by-hop headers of the 101.
     *
     * @return false when the request was refused (the caller closes the connection)
     */
    boolean serve(Http11.Head head, InputStream in, OutputStream out, Socket client, boolean stripUpgradeFromResponse)
            throws IOException {
        heads.add(head);
        if (!head.firstLine().startsWith("GET " + ConnectionUpgrade.PATH + " ")) {
            TestWebApi.respond(out, "404 Not Found", "text/plain", "not found");
            return false;
        }
        List<String> offered = new ArrayList<>(head.values(ConnectionUpgrade.TELEPORT_UPGRADE_HEADER));
        offered.addAll(head.values("upgrade"));
        String form = select(offered);
        if (form == null) {
            TestWebApi.respond(out, "404 Not Found", "application/json",
                    "{\"error\":{\"message\":\"unsupported upgrade types: " + offered + "\"}}");
            return false;
        }
        if (form.equals(ConnectionUpgrade.WEBSOCKET)) {
            String key = head.header("sec-websocket-key");
            if (key == null || !String.valueOf(head.header("sec-websocket-protocol")).contains("alpn-ping")) {
                TestWebApi.respond(out, "400 Bad Request", "text/plain", "not a WebSocket handshake");
                return false;
            }
            write(out, "HTTP/1.1 101 Switching Protocols\r\n" + (stripUpgradeFromResponse ? ""
                    : "Upgrade: websocket\r\nConnection: Upgrade\r\n") + "Sec-WebSocket-Protocol: alpn-ping\r\n"
                    + "Sec-WebSocket-Accept: " + WebSocketFrames.accept(key) + "\r\n\r\n");
            forms.add(form);
            webSocketTunnel(in, out, client);
            return true;
        }
        write(out, "HTTP/1.1 101 Switching Protocols\r\n" + (stripUpgradeFromResponse ? ""
                : "Upgrade: " + form + "\r\nConnection: Upgrade\r\n")
                + ConnectionUpgrade.TELEPORT_UPGRADE_HEADER + ": " + form + "\r\n\r\n");
        forms.add(form);
        if (form.equals(ConnectionUpgrade.ALPN_PING)) {
            pingTunnel(in, out, client);
        } else {
            rawTunnel(in, out, client);
        }
        return true;
    }

    /** Exact values, as Teleport compares them. */
    private String select(List<String> offered) {
        switch (generation) {
            case LEGACY_ONLY -> {
                for (String value : offered) {
                    if (value.equals(ConnectionUpgrade.ALPN_PING) || value.equals(ConnectionUpgrade.ALPN)) {
                        return value;
                    }
                }
                return null;
            }
            case CURRENT -> {
                for (String form : List.of(ConnectionUpgrade.WEBSOCKET, ConnectionUpgrade.ALPN_PING,
                        ConnectionUpgrade.ALPN)) {
                    if (offered.contains(form)) {
                        return form;
                    }
                }
                return null;
            }
            default -> {
                return offered.contains(ConnectionUpgrade.WEBSOCKET) ? ConnectionUpgrade.WEBSOCKET : null;
            }
        }
    }

    private void webSocketTunnel(InputStream in, OutputStream out, Socket client) throws IOException {
        Socket upstream = new Socket(auth.getAddress(), auth.getPort());
        WebSocketFrames.Writer frames = new WebSocketFrames.Writer(out, false);
        frames.write(WebSocketFrames.PING, "keepalive".getBytes(StandardCharsets.US_ASCII), 0, 9);
        pingsSent.incrementAndGet();
        daemon(() -> {
            byte[] buffer = new byte[16384];
            try (upstream; client) {
                InputStream fromAuth = upstream.getInputStream();
                for (int n = fromAuth.read(buffer); n >= 0; n = fromAuth.read(buffer)) {
                    frames.write(WebSocketFrames.BINARY, buffer, 0, n);
                }
            } catch (IOException ended) {
                // connection closed
            }
        });
        try (upstream; client) {
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
        }
    }

    /** Teleport's pingconn on the proxy side: a ping first, every write length-prefixed. */
    private void pingTunnel(InputStream in, OutputStream out, Socket client) throws IOException {
        Socket upstream = new Socket(auth.getAddress(), auth.getPort());
        Object writeLock = new Object();
        synchronized (writeLock) {
            out.write(new byte[4]);
            out.flush();
            pingsSent.incrementAndGet();
        }
        daemon(() -> {
            byte[] buffer = new byte[16384];
            try (upstream; client) {
                InputStream fromAuth = upstream.getInputStream();
                for (int n = fromAuth.read(buffer); n >= 0; n = fromAuth.read(buffer)) {
                    synchronized (writeLock) {
                        out.write(new byte[] {0, 0, (byte) (n >>> 8), (byte) n});
                        out.write(buffer, 0, n);
                        // a ping between packets, as the proxy's ticker may send one at any time
                        out.write(new byte[4]);
                        out.flush();
                    }
                    pingsSent.incrementAndGet();
                }
            } catch (IOException ended) {
                // connection closed
            }
        });
        DataInputStream packets = new DataInputStream(in);
        try (upstream; client) {
            OutputStream toAuth = upstream.getOutputStream();
            while (true) {
                int length = packets.readInt();
                if (length < 0 || length > 1024 * 1024) {
                    badPackets.incrementAndGet();
                    return;
                }
                toAuth.write(packets.readNBytes(length));
                toAuth.flush();
            }
        } catch (IOException ended) {
            // connection closed
        }
    }

    private void rawTunnel(InputStream in, OutputStream out, Socket client) throws IOException {
        Socket upstream = new Socket(auth.getAddress(), auth.getPort());
        TestWebApi.pipe(upstream.getInputStream(), out, upstream, client);
        TestWebApi.pipe(in, upstream.getOutputStream(), upstream, client);
    }

    private static void write(OutputStream out, String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "upgrade-proxy-down");
        thread.setDaemon(true);
        thread.start();
    }
}

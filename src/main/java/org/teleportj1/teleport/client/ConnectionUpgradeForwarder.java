package org.teleportj1.teleport.client;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the gRPC channel through a proxy behind an L7 load balancer: listens on loopback and,
 * for every connection grpc-java opens, upgrades an HTTPS connection to the proxy
 * ({@code GET /webapi/connectionupgrade}, WebSocket sub-protocol {@code alpn-ping}) and pipes the
 * bytes through binary frames. The inner TLS (identity, ALPN routing) passes through untouched,
 * so the channel itself is the same as in proxy mode (docs/teleport-api.md).
 */
final class ConnectionUpgradeForwarder implements AutoCloseable {
    static final String PATH = "/webapi/connectionupgrade";
    static final String PROTOCOL = "alpn-ping";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgradeForwarder.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TeleportAddress proxy;
    private final SSLContext webTls;
    private final Duration connectTimeout;
    private final ServerSocket listener;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean closed;

    private ConnectionUpgradeForwarder(TeleportAddress proxy, SSLContext webTls, Duration connectTimeout)
            throws IOException {
        this.proxy = proxy;
        this.webTls = webTls;
        this.connectTimeout = connectTimeout;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    static ConnectionUpgradeForwarder start(TeleportAddress proxy, SSLContext webTls, Duration connectTimeout) {
        try {
            ConnectionUpgradeForwarder forwarder = new ConnectionUpgradeForwarder(proxy, webTls, connectTimeout);
            daemon("teleport-upgrade-accept", forwarder::acceptLoop).start();
            LOG.info("Forwarding gRPC through the connection upgrade of {} via {}", proxy, forwarder.localAddress());
            return forwarder;
        } catch (IOException e) {
            throw new TeleportException("Cannot open a loopback port for the Teleport connection upgrade: " + e.getMessage(), e);
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Why the last upgrade failed, for the error message of the gRPC call that then fails. */
    Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket local = listener.accept();
                daemon("teleport-upgrade-" + THREADS.incrementAndGet(), () -> tunnel(local)).start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Connection-upgrade forwarder stopped accepting: {}", e.toString());
                }
                return;
            }
        }
    }

    private void tunnel(Socket local) {
        try (local; SSLSocket remote = ProxyTls.connect(proxy, webTls, List.of("http/1.1"), connectTimeout)) {
            InputStream remoteIn = new BufferedInputStream(remote.getInputStream());
            upgrade(remote.getOutputStream(), remoteIn);
            remote.setSoTimeout(0); // long-lived stream; the proxy's pings keep it alive
            lastFailure.set(null);
            WebSocketFrames.Writer frames = new WebSocketFrames.Writer(remote.getOutputStream(), true);
            Thread upstream = daemon(Thread.currentThread().getName() + "-up", () -> pumpUp(local, remote, frames));
            upstream.start();
            pumpDown(remoteIn, local, frames);
        } catch (IOException e) {
            if (!closed) {
                String failure = "connection upgrade via https://" + proxy + PATH + " failed: " + e.getMessage();
                lastFailure.set(failure);
                LOG.warn("Teleport {}", failure);
            }
        }
    }

    private void upgrade(OutputStream out, InputStream in) throws IOException {
        String key = WebSocketFrames.newKey();
        out.write(("GET " + PATH + " HTTP/1.1\r\n"
                + "Host: " + proxy + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Protocol: " + PROTOCOL + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Http11.Head head = Http11.readHead(in);
        if (head.status() == 404) {
            throw new IOException("the proxy answered 404: it is older than Teleport 15.1 or not a Teleport proxy");
        }
        if (head.status() != 101) {
            throw new IOException("the proxy answered '" + head.firstLine() + "' instead of 101 Switching Protocols");
        }
        if (!"websocket".equalsIgnoreCase(String.valueOf(head.header("upgrade")))) {
            throw new IOException("the proxy switched to '" + head.header("upgrade") + "' instead of websocket");
        }
        if (!WebSocketFrames.accept(key).equals(head.header("sec-websocket-accept"))) {
            throw new IOException("the proxy's Sec-WebSocket-Accept does not match the key sent");
        }
        if (!PROTOCOL.equals(head.header("sec-websocket-protocol"))) {
            throw new IOException("the proxy chose sub-protocol '" + head.header("sec-websocket-protocol")
                    + "' instead of " + PROTOCOL);
        }
    }

    /** Local bytes → masked binary frames. */
    private void pumpUp(Socket local, SSLSocket remote, WebSocketFrames.Writer frames) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = local.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                frames.write(WebSocketFrames.BINARY, buffer, 0, n);
            }
            frames.write(WebSocketFrames.CLOSE, new byte[] {0x03, (byte) 0xE8}, 0, 2); // 1000 normal closure
        } catch (IOException e) {
            LOG.debug("Upgrade tunnel upstream ended: {}", e.toString());
        } finally {
            closeQuietly(remote);
        }
    }

    /** Frames → local bytes; pings answered with pongs carrying the same payload. */
    private void pumpDown(InputStream remoteIn, Socket local, WebSocketFrames.Writer frames) throws IOException {
        OutputStream out = local.getOutputStream();
        try {
            while (true) {
                WebSocketFrames.Frame frame = WebSocketFrames.read(remoteIn);
                switch (frame.opcode()) {
                    case WebSocketFrames.BINARY, WebSocketFrames.CONTINUATION -> {
                        out.write(frame.payload());
                        out.flush();
                    }
                    case WebSocketFrames.PING -> frames.write(WebSocketFrames.PONG, frame.payload(), 0, frame.payload().length);
                    case WebSocketFrames.CLOSE -> {
                        return;
                    }
                    default -> LOG.debug("Ignoring WebSocket frame with opcode {}", frame.opcode());
                }
            }
        } catch (EOFException | SocketException endOfStream) {
            LOG.debug("Upgrade tunnel downstream ended: {}", endOfStream.toString());
        } finally {
            closeQuietly(local);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}

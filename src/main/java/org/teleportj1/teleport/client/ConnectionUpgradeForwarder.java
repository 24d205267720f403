package org.teleportj1.teleport.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the gRPC channel through a proxy behind an L7 load balancer: listens on loopback and,
 * for every connection grpc-java opens, upgrades an HTTPS connection to the proxy
 * ({@code GET /webapi/connectionupgrade}, WebSocket sub-protocol {@code alpn-ping}) and pipes the
 * bytes through binary frames. The inner TLS (identity, ALPN routing) passes through untouched,
 * so the channel itself is the same as in proxy mode (docs/teleport-api.md §4.3).
 */
final class ConnectionUpgradeForwarder implements AutoCloseable {
    static final String PATH = "/webapi/connectionupgrade";
    static final String PROTOCOL = "alpn-ping";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgradeForwarder.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TeleportAddress proxy;
    private final Duration connectTimeout;
    private final HttpClient http;
    private final ServerSocket listener;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean closed;

    private ConnectionUpgradeForwarder(TeleportAddress proxy, SSLContext webTls, Duration connectTimeout)
            throws IOException {
        this.proxy = proxy;
        this.connectTimeout = connectTimeout;
        this.http = HttpClient.newBuilder().sslContext(webTls).connectTimeout(connectTimeout).build();
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
        WebSocket socket;
        try {
            socket = upgrade(local);
        } catch (IOException e) {
            closeQuietly(local);
            if (!closed) {
                String failure = "connection upgrade via https://" + proxy + PATH + " failed: " + e.getMessage();
                lastFailure.set(failure);
                LOG.warn("Teleport {}", failure);
            }
            return;
        }
        lastFailure.set(null);
        pumpUp(local, socket);
    }

    /**
     * The JDK client does the handshake (key, accept check, sub-protocol), masks what it sends and
     * answers the proxy's pings with pongs; this class only moves bytes.
     */
    private WebSocket upgrade(Socket local) throws IOException {
        try {
            WebSocket socket = http.newWebSocketBuilder().subprotocols(PROTOCOL).connectTimeout(connectTimeout)
                    .buildAsync(URI.create("wss://" + proxy + PATH), new Downstream(local))
                    .get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            if (!PROTOCOL.equals(socket.getSubprotocol())) {
                socket.abort();
                throw new IOException("the proxy chose sub-protocol '" + socket.getSubprotocol() + "' instead of "
                        + PROTOCOL);
            }
            return socket;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                throw new IOException(status == 404
                        ? "the proxy answered 404: it is older than Teleport 15.1 or not a Teleport proxy"
                        : "the proxy answered HTTP " + status + " instead of 101 Switching Protocols", cause);
            }
            throw new IOException(String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new IOException("no answer within " + connectTimeout.multipliedBy(2).toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Local bytes → binary messages, one at a time (the JDK allows one outstanding send). */
    private void pumpUp(Socket local, WebSocket socket) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = local.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                socket.sendBinary(ByteBuffer.wrap(Arrays.copyOf(buffer, n)), true).join();
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        } catch (IOException | CompletionException e) {
            LOG.debug("Upgrade tunnel upstream ended: {}", e.toString());
            socket.abort();
        } finally {
            closeQuietly(local);
        }
    }

    /** Binary messages → local bytes; the next message is asked for once this one is written. */
    private static final class Downstream implements WebSocket.Listener {
        private final Socket local;

        Downstream(Socket local) {
            this.local = local;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            try {
                OutputStream out = local.getOutputStream();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.write(bytes);
                out.flush();
                socket.request(1);
            } catch (IOException e) {
                LOG.debug("Upgrade tunnel downstream ended: {}", e.toString());
                socket.abort();
                closeQuietly(local);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeQuietly(local);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            LOG.debug("Upgrade tunnel downstream ended: {}", error.toString());
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

package org.teleportj1.teleport.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * for every connection grpc-java opens, opens HTTPS to the proxy, upgrades it
 * ({@link ConnectionUpgrade}: WebSocket or the legacy form, whichever the proxy takes) and pipes the
 * bytes through. The inner TLS (identity, ALPN routing) passes through untouched, so the channel
 * itself is the same as in proxy mode (docs/teleport-api.md §4.3).
 */
final class ConnectionUpgradeForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionUpgradeForwarder.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final List<String> HTTP11 = List.of("http/1.1");

    private final TeleportAddress proxy;
    private final SSLContext webTls;
    private final Duration connectTimeout;
    private final ServerSocket listener;
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final AtomicReference<ConnectionUpgrade.Form> lastForm = new AtomicReference<>();
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

    /** The form the proxy took for the last successful upgrade. */
    Optional<ConnectionUpgrade.Form> lastForm() {
        return Optional.ofNullable(lastForm.get());
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
        SSLSocket remote = null;
        ConnectionUpgrade.Tunnel tunnel;
        try {
            remote = ProxyTls.connect(proxy, webTls, HTTP11, connectTimeout);
            tunnel = ConnectionUpgrade.perform(remote, proxy);
            // an idle gRPC connection sends nothing for minutes; the deadline was for the handshake only
            remote.setSoTimeout(0);
        } catch (IOException e) {
            // recorded before the local socket closes: closing it fails the gRPC call, whose error message
            // is built from this failure (and was at times built before it was recorded)
            if (!closed) {
                String failure = "connection upgrade via https://" + proxy + ConnectionUpgrade.PATH + " failed: "
                        + e.getMessage();
                lastFailure.set(failure);
                LOG.warn("Teleport {}", failure);
            }
            closeQuietly(local);
            if (remote != null) {
                closeQuietly(remote);
            }
            return;
        }
        lastFailure.set(null);
        if (lastForm.getAndSet(tunnel.form()) != tunnel.form()) {
            LOG.info("The proxy {} took the {} connection upgrade", proxy, tunnel.form());
        }
        Socket upstream = remote;
        try {
            InputStream localIn = local.getInputStream();
            OutputStream localOut = local.getOutputStream();
            daemon("teleport-upgrade-down-" + THREADS.incrementAndGet(),
                    () -> pump(tunnel.in(), localOut, local, upstream)).start();
            pump(localIn, tunnel.out(), local, upstream);
        } catch (IOException e) {
            closeQuietly(local);
            closeQuietly(upstream);
        }
    }

    /** Copies until either side ends, then closes both (the tunnel's output says goodbye on close). */
    private static void pump(InputStream from, OutputStream to, Socket local, Socket upstream) {
        byte[] buffer = new byte[16 * 1024];
        try (to) {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            LOG.debug("Upgrade tunnel ended: {}", e.toString());
        } finally {
            closeQuietly(local);
            closeQuietly(upstream);
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

package org.teleportj1.teleport.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * A stand-in for a Teleport proxy's web port with TLS routing: peeks each ClientHello; ALPN
 * {@code teleport-auth@<hex(cluster)>…} is forwarded as raw bytes to the auth server (TLS stays end to
 * end), a {@code teleport-auth@} value for another cluster is dropped, anything else gets the proxy's
 * own TLS: {@code /webapi/ping}, {@code /webapi/connectionupgrade} and the {@code teleport-reversetunnel}
 * ALPN probe.
 */
final class AlpnRoutingTestProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String expectedAlpn;
    private final InetSocketAddress auth;
    final TestWebApi web;
    /** A Teleport proxy serves the connection upgrade even where ALPN would get through. */
    final TestConnectionUpgrade upgrade;
    final AtomicInteger routed = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

    AlpnRoutingTestProxy(String clusterName, InetSocketAddress auth) throws IOException {
        this(clusterName, auth, true);
    }

    /** With {@code tlsRouting} false, /webapi/ping reports a proxy in the legacy "separate" listener mode. */
    AlpnRoutingTestProxy(String clusterName, InetSocketAddress auth, boolean tlsRouting) throws IOException {
        this.expectedAlpn = AlpnRouting.authProtocol(clusterName);
        this.auth = auth;
        this.web = new TestWebApi(clusterName, tlsRouting);
        this.upgrade = new TestConnectionUpgrade(TestConnectionUpgrade.Generation.CURRENT, auth);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "alpn-proxy-accept");
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
                Thread handler = new Thread(() -> handle(client), "alpn-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            ClientHelloPeek hello = ClientHelloPeek.read(client.getInputStream());
            boolean authRoute = hello.alpn().stream().anyMatch(p -> p.startsWith("teleport-auth@"));
            if (authRoute) {
                if (!hello.alpn().contains(expectedAlpn)) {
                    dropped.incrementAndGet(); // no such cluster: Teleport's router just closes
                    client.close();
                    return;
                }
                routed.incrementAndGet();
                Socket upstream = new Socket(auth.getAddress(), auth.getPort());
                upstream.getOutputStream().write(hello.raw());
                TestWebApi.pipe(client.getInputStream(), upstream.getOutputStream(), upstream, client);
                TestWebApi.pipe(upstream.getInputStream(), client.getOutputStream(), upstream, client);
                return;
            }
            SSLSocket tls = web.terminate(client, hello.raw(), List.of("http/1.1", AlpnRouting.REVERSE_TUNNEL));
            tls.startHandshake();
            if (AlpnRouting.REVERSE_TUNNEL.equals(tls.getApplicationProtocol())) {
                tls.close(); // the probe only wants to see the protocol negotiated
                return;
            }
            var in = new java.io.BufferedInputStream(tls.getInputStream());
            Http11.Head head = web.serve(in, tls.getOutputStream());
            if (head == null || !upgrade.serve(head, in, tls.getOutputStream(), tls, false)) {
                tls.close();
            }
        } catch (IOException e) {
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

package org.teleportj1.teleport.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * A stand-in for a Teleport proxy behind an L7 load balancer that terminates TLS and speaks only
 * HTTP/1.1 (so TLS routing cannot pass): {@code /webapi/ping} and {@code /webapi/connectionupgrade}
 * with the rules of one Teleport {@link TestConnectionUpgrade.Generation}. The {@link Balancer} says
 * how the balancer in front misbehaves.
 */
final class UpgradeTestProxy implements AutoCloseable {
    /** What the load balancer in front of the proxy does. */
    enum Balancer {
        /** Offers only http/1.1: a client offering other ALPN values gets no_application_protocol. */
        REFUSES_ALPN,
        /**
         * Answers http/1.1 even to a client that did not offer it (an unadvertised protocol in the
         * ServerHello, Teleport issue #29098); TLS 1.2 so the answer is in the clear ServerHello.
         */
        UNADVERTISED_ALPN,
        /** As REFUSES_ALPN, and drops the hop-by-hop Upgrade and Connection headers both ways. */
        STRIPS_UPGRADE
    }

    private static final String HTTP11 = "http/1.1";
    private final ServerSocket listener;
    private final Balancer balancer;
    final TestWebApi web;
    final TestConnectionUpgrade upgrade;
    /** Handshakes that failed because of what the balancer answered (probes, mostly). */
    final AtomicInteger refusedHandshakes = new AtomicInteger();

    UpgradeTestProxy(String clusterName, InetSocketAddress auth) throws IOException {
        this(clusterName, auth, TestConnectionUpgrade.Generation.CURRENT, Balancer.REFUSES_ALPN);
    }

    UpgradeTestProxy(String clusterName, InetSocketAddress auth, TestConnectionUpgrade.Generation generation,
                     Balancer balancer) throws IOException {
        this.balancer = balancer;
        this.web = new TestWebApi(clusterName, true);
        this.upgrade = new TestConnectionUpgrade(generation, auth);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
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
            ClientHelloPeek hello = ClientHelloPeek.read(client.getInputStream());
            byte[] replay = hello.raw();
            if (balancer == Balancer.UNADVERTISED_ALPN && !hello.alpn().isEmpty() && !hello.alpn().contains(HTTP11)) {
                replay = hello.withAlpn(HTTP11);
            }
            SSLSocket tls = web.terminate(client, replay, List.of(HTTP11));
            if (balancer == Balancer.UNADVERTISED_ALPN) {
                tls.setEnabledProtocols(new String[] {"TLSv1.2"});
            }
            try {
                tls.startHandshake();
            } catch (IOException refused) {
                refusedHandshakes.incrementAndGet();
                throw refused;
            }
            InputStream in = new BufferedInputStream(tls.getInputStream());
            OutputStream out = tls.getOutputStream();
            Http11.Head head = web.serve(in, out);
            if (head == null) {
                tls.close();
                return;
            }
            boolean strips = balancer == Balancer.STRIPS_UPGRADE;
            if (!upgrade.serve(strips ? withoutHopByHop(head) : head, in, out, tls, strips)) {
                tls.close();
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static Http11.Head withoutHopByHop(Http11.Head head) {
        Map<String, List<String>> headers = new LinkedHashMap<>(head.headers());
        headers.remove("upgrade");
        headers.remove("connection");
        return new Http11.Head(head.firstLine(), headers);
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

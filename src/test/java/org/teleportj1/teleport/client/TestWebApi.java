package org.teleportj1.teleport.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.teleportj1.sandbox.CertificateAuthority;
import org.teleportj1.sandbox.IssuedCertificate;
import org.teleportj1.sandbox.KeyType;

/**
 * The web side of the test proxies: a web certificate from its own CA (passed to the client as the
 * proxy CA file, as for a privately signed proxy) and {@code GET /webapi/ping}.
 */
final class TestWebApi {
    final CertificateAuthority webCa = CertificateAuthority.create("web-ca", KeyType.ECDSA_P256);
    final SSLContext tls;
    /** GET /webapi/ping requests answered. */
    final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    private final String clusterName;
    private final boolean tlsRouting;

    TestWebApi(String clusterName, boolean tlsRouting) {
        this.clusterName = clusterName;
        this.tlsRouting = tlsRouting;
        IssuedCertificate web = webCa.issueServer(KeyType.ECDSA_P256, Duration.ofDays(1));
        try {
            var keys = java.security.KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("web", web.keyPair().getPrivate(), new char[0],
                    new java.security.cert.Certificate[] {web.certificate()});
            var factory = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
            factory.init(keys, new char[0]);
            tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the web CA as a PEM file for {@link TeleportSettings#proxyCaFile()}. */
    java.nio.file.Path writeCaFile(java.nio.file.Path file) throws IOException {
        return java.nio.file.Files.writeString(file,
                org.teleportj1.sandbox.IdentityFileWriter.pem(webCa.certificate()));
    }

    /** Terminates TLS on a socket whose ClientHello was already read (replayed from {@code consumed}). */
    SSLSocket terminate(Socket socket, byte[] consumed, List<String> alpn) throws IOException {
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) this.tls.getSocketFactory())
                .createSocket(socket, new java.io.ByteArrayInputStream(consumed), true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setApplicationProtocols(alpn.toArray(String[]::new));
        tls.setSSLParameters(parameters);
        return tls;
    }

    /** Reads the request head and answers /webapi/ping; returns the head for other paths, answered by the caller. */
    Http11.Head serve(InputStream in, OutputStream out) throws IOException {
        Http11.Head head = Http11.readHead(in);
        if (head.firstLine().startsWith("GET /webapi/ping ")) {
            pings.incrementAndGet();
            String body = "{\"cluster_name\":\"" + clusterName + "\",\"server_version\":\"17.4.2\","
                    + "\"min_client_version\":\"16.0.0\",\"proxy\":{\"tls_routing_enabled\":" + tlsRouting + "}}";
            respond(out, "200 OK", "application/json", body);
            return null;
        }
        return head;
    }

    static void respond(OutputStream out, String status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    static void pipe(InputStream in, OutputStream out, Socket... toCloseAtEnd) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // connection ended
            } finally {
                for (Socket socket : toCloseAtEnd) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }
        }, "test-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}

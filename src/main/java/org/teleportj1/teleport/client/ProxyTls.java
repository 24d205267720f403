package org.teleportj1.teleport.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Opens the outer TLS connection to a proxy's web port: web trust, host-name check, explicit SNI. */
final class ProxyTls {
    private ProxyTls() {
    }

    static SSLSocket connect(TeleportAddress proxy, SSLContext webTls, List<String> alpn, Duration timeout)
            throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis);
            tcp.setSoTimeout(millis);
            SSLSocket tls = (SSLSocket) webTls.getSocketFactory().createSocket(tcp, proxy.host(), proxy.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            // The JDK sends no SNI for dot-less names such as "localhost" unless told to (docs/teleport-api.md).
            if (!proxy.isIpLiteral()) {
                parameters.setServerNames(List.of(new SNIHostName(proxy.host())));
            }
            parameters.setApplicationProtocols(alpn.toArray(String[]::new));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }
}

package org.teleportj1.teleport.client;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The ALPN values of Teleport's TLS routing. The proxy peeks the ClientHello and forwards the raw
 * TLS session to the auth service of the cluster whose hex-encoded name follows {@code teleport-auth@}.
 */
final class AlpnRouting {
    /** SNI, authority and the DNS name every Teleport auth server certificate carries. */
    static final String AUTH_SERVER_NAME = "teleport.cluster.local";
    /** What the proxy negotiates for reverse tunnels; used only to probe whether ALPN reaches the proxy. */
    static final String REVERSE_TUNNEL = "teleport-reversetunnel";
    static final String HTTP2 = "h2";

    private AlpnRouting() {
    }

    static String authProtocol(String clusterName) {
        return "teleport-auth@" + HexFormat.of().formatHex(clusterName.getBytes(StandardCharsets.UTF_8))
                + "." + AUTH_SERVER_NAME;
    }

    /** teleport-auth@… must come first (the proxy routes on it); h2 is what the auth server negotiates. */
    static List<String> authProtocols(String clusterName) {
        return List.of(authProtocol(clusterName), HTTP2);
    }
}

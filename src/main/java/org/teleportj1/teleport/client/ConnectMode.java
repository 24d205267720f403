package org.teleportj1.teleport.client;

/** How the client reaches the Teleport Auth Service. */
public enum ConnectMode {
    /** Decide from the proxy's /webapi/ping and the connection-upgrade probe. */
    AUTO,
    /** Straight to the auth service (e.g. port 3025). */
    DIRECT,
    /** TLS routing on the proxy's web port: ALPN teleport-auth@&lt;hex(cluster)&gt;.teleport.cluster.local, then h2. */
    PROXY,
    /** WebSocket connection upgrade on /webapi/connectionupgrade, for proxies behind an L7 load balancer. */
    PROXY_UPGRADE;

    public static ConnectMode parse(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}

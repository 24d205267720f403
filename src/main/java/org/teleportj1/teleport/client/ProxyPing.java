package org.teleportj1.teleport.client;

/**
 * What a Teleport proxy says about itself on {@code GET /webapi/ping} (unauthenticated).
 *
 * @param clusterName       the proxy's cluster
 * @param serverVersion     Teleport version of the proxy
 * @param tlsRoutingEnabled whether the web port routes {@code teleport-auth@…} ALPN to the auth service
 */
public record ProxyPing(String clusterName, String serverVersion, boolean tlsRoutingEnabled) {
}

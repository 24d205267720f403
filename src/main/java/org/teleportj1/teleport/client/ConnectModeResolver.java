package org.teleportj1.teleport.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto mode: an address that answers {@code /webapi/ping} is a proxy; with TLS routing on,
 * {@code TELEPORT_TLS_ROUTING_CONN_UPGRADE} if set, else the ALPN probe, tells whether ALPN reaches
 * the proxy (proxy mode) or is cut off by an L7 load balancer (proxy-upgrade). An address without
 * the web API is taken to be the auth service.
 */
final class ConnectModeResolver {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectModeResolver.class);

    private ConnectModeResolver() {
    }

    static ConnectMode resolve(TeleportAddress address, SSLContext webTls, Duration timeout, String identityCluster,
                               ConnUpgradeOverride override) {
        ProxyPing ping;
        try {
            ping = WebApiPing.fetch(address, webTls, timeout);
        } catch (IOException | RuntimeException e) {
            LOG.info("{} does not serve the Teleport proxy web API ({}); connecting to it as the auth service."
                    + " If it is a proxy with a privately signed certificate, set the proxy CA file"
                    + " (TELEPORT_PROXY_CA_FILE) or the mode explicitly", address, e.toString());
            return ConnectMode.DIRECT;
        }
        if (!ping.clusterName().isEmpty() && !ping.clusterName().equals(identityCluster)) {
            LOG.warn("The proxy {} belongs to cluster '{}' but the identity was issued by cluster '{}'",
                    address, ping.clusterName(), identityCluster);
        }
        if (!ping.tlsRoutingEnabled()) {
            throw new TeleportException("The Teleport proxy at " + address + " (cluster '" + ping.clusterName()
                    + "') has TLS routing disabled (proxy_listener_mode is not 'multiplex'), so it cannot route gRPC"
                    + " to the auth service. Set the address to the auth service (host:3025) with mode 'direct', or"
                    + " enable TLS routing on the proxy.");
        }
        Optional<Boolean> overridden = override.upgradeRequired(address);
        overridden.ifPresent(required -> LOG.info("{}: connection upgrade {} for {}, without probing", override,
                required ? "required" : "not required", address));
        ConnectMode mode = overridden.orElseGet(() -> upgradeRequired(address, webTls, timeout))
                ? ConnectMode.PROXY_UPGRADE : ConnectMode.PROXY;
        LOG.info("Teleport proxy {} (cluster '{}', version {}): using mode {}", address, ping.clusterName(),
                ping.serverVersion(), mode);
        return mode;
    }

    /**
     * Offers only {@code teleport-reversetunnel}, as Teleport's {@code IsALPNConnUpgradeRequired} does
     * (docs/teleport-api.md §4.3): a Teleport proxy negotiates it. A TLS-terminating load balancer either
     * negotiates nothing, refuses it ({@code no_application_protocol}), or answers a protocol that was
     * not offered (typically {@code http/1.1}) — all three mean only the connection upgrade gets through.
     * Any other failure is not taken as a sign of a load balancer: proxy mode then reports it.
     */
    static boolean upgradeRequired(TeleportAddress address, SSLContext webTls, Duration timeout) {
        try (SSLSocket socket = ProxyTls.connect(address, webTls, List.of(AlpnRouting.REVERSE_TUNNEL), timeout)) {
            String negotiated = socket.getApplicationProtocol();
            return negotiated == null || negotiated.isEmpty();
        } catch (IOException e) {
            // the JDK reports an unadvertised protocol as SSLProtocolException, a refusal as SSLHandshakeException
            if (refusedOrUnadvertisedAlpn(e)) {
                LOG.info("ALPN probe of {}: {}; something in front of the proxy terminates TLS", address,
                        e.getMessage());
                return true;
            }
            LOG.warn("ALPN probe of {} failed ({}); assuming no connection upgrade is needed (set {} to decide)",
                    address, e.toString(), ConnUpgradeOverride.VARIABLE);
            return false;
        }
    }

    /**
     * The JDK's wording of the two ALPN failures Teleport treats as "upgrade required", and Go's for the
     * second, in case a wrapped cause carries it.
     */
    static boolean refusedOrUnadvertisedAlpn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("no_application_protocol")
                    || message.contains("Only client specified application protocol is allowed")
                    || message.contains("server selected unadvertised ALPN protocol")) {
                return true;
            }
        }
        return false;
    }
}

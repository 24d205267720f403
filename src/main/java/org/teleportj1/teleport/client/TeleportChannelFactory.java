package org.teleportj1.teleport.client;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * The one place where the gRPC channel is built (shaped like grpc-java's example-tls). Every mode ends
 * in the same mutual-TLS channel to the auth service; only the dialled address and the ALPN list
 * differ:
 * <ul>
 *   <li>direct: the auth service itself, ALPN {@code h2};</li>
 *   <li>proxy: the proxy's web port, ALPN {@code teleport-auth@<hex(cluster)>.teleport.cluster.local, h2};</li>
 *   <li>proxy-upgrade: a loopback forwarder that tunnels through {@code /webapi/connectionupgrade}
 *       (WebSocket or the legacy form), same ALPN.</li>
 * </ul>
 */
final class TeleportChannelFactory {
    /** Teleport's auth server rejects pings more frequent than its own keepalive period (≥ 1 min). */
    static final Duration KEEPALIVE = Duration.ofMinutes(1);
    static final Duration KEEPALIVE_TIMEOUT = Duration.ofMinutes(3);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
    private static final int DIRECT_PORT = 3025;
    private static final int PROXY_PORT = 443;

    private TeleportChannelFactory() {
    }

    /** {@code environment} looks up TELEPORT_TLS_ROUTING_CONN_UPGRADE (System::getenv outside tests). */
    static TeleportChannel open(TeleportSettings settings, IdentityFile identity, UnaryOperator<String> environment) {
        ConnectMode mode = settings.mode();
        TeleportAddress address = TeleportAddress.parse(settings.address(),
                mode == ConnectMode.DIRECT ? DIRECT_PORT : PROXY_PORT);
        SSLContext webTls = mode == ConnectMode.DIRECT ? null : WebTrust.sslContext(settings.proxyCaFile());
        if (mode == ConnectMode.AUTO) {
            mode = ConnectModeResolver.resolve(address, webTls, connectTimeout(settings), identity.clusterName(),
                    ConnUpgradeOverride.from(environment));
        }
        ConnectionUpgradeForwarder forwarder = null;
        NettyChannelBuilder builder;
        if (mode == ConnectMode.PROXY_UPGRADE) {
            forwarder = ConnectionUpgradeForwarder.start(address, webTls, connectTimeout(settings));
            builder = NettyChannelBuilder.forAddress(forwarder.localAddress());
        } else {
            builder = NettyChannelBuilder.forAddress(address.host(), address.port());
        }
        List<String> alpn = mode == ConnectMode.DIRECT ? List.of(AlpnRouting.HTTP2)
                : AlpnRouting.authProtocols(identity.clusterName());
        if (settings.retryAttempts() > 1) {
            builder.defaultServiceConfig(serviceConfig(settings)).enableRetry()
                    .maxRetryAttempts(settings.retryAttempts());
        } else {
            builder.disableRetry();
        }
        ManagedChannel channel = builder
                .sslContext(sslContext(identity, alpn))
                // SNI and host-name check: every auth server certificate names teleport.cluster.local.
                .overrideAuthority(AlpnRouting.AUTH_SERVER_NAME)
                .maxInboundMessageSize(settings.maxInboundBytes())
                .keepAliveTime(KEEPALIVE.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .keepAliveWithoutCalls(false)
                // No 'version' header is ever added: a stale one makes the auth server refuse the client.
                .build();
        Channel calls = settings.retryAttempts() > 1
                ? ClientInterceptors.intercept(channel, new RetryAttempts(channel, settings.retryAttempts())) : channel;
        return new TeleportChannel(channel, calls, identity, mode, address, forwarder);
    }

    /**
     * gRPC's own retry of every method: UNAVAILABLE (an auth server restarting or not reachable for a
     * moment) is retried with jittered exponential backoff; see {@link RetryAttempts} for what each
     * attempt adds. Other codes are answers, not outages; a retry of a
     * call that already received a response never happens, so a stream is never read twice.
     */
    static Map<String, ?> serviceConfig(TeleportSettings settings) {
        Duration initial = settings.retryDelay();
        Duration max = initial.compareTo(MAX_RETRY_DELAY) > 0 ? initial : MAX_RETRY_DELAY;
        Map<String, Object> retryPolicy = Map.of(
                // service-config JSON numbers are doubles
                "maxAttempts", (double) settings.retryAttempts(),
                "initialBackoff", seconds(initial),
                "maxBackoff", seconds(max),
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of(Status.Code.UNAVAILABLE.name()));
        // a name without service applies to every method of every service
        return Map.of("methodConfig", List.of(Map.of("name", List.of(Map.of()), "retryPolicy", retryPolicy)));
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).toPlainString() + "s";
    }

    static SslContext sslContext(IdentityFile identity, List<String> alpn) {
        try {
            return GrpcSslContexts.forClient()
                    .keyManager(identity.privateKey(), identity.certificate())
                    .trustManager(new IdentityTrustManager(identity.trustedCas()))
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn))
                    .build();
        } catch (SSLException e) {
            throw new TeleportException("Cannot set up TLS with the identity in " + identity.path() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Duration connectTimeout(TeleportSettings settings) {
        Duration thirty = Duration.ofSeconds(30);
        return settings.callTimeout().compareTo(thirty) < 0 ? settings.callTimeout() : thirty;
    }
}

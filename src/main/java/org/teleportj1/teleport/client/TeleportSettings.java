package org.teleportj1.teleport.client;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to connect to one Teleport cluster.
 *
 * @param address          host:port of the proxy web port or the auth service
 * @param identityFile     identity file from {@code tctl auth sign --format=file} or tbot
 * @param mode             connection path
 * @param proxyCaFile      extra CA (PEM) trusted for the proxy's outer TLS, or null
 * @param callTimeout      deadline of every gRPC call
 * @param maxInboundBytes  largest gRPC message accepted
 * @param expiryWarning    warn when the identity expires within this horizon
 * @param retryAttempts    attempts of a call that fails with UNAVAILABLE (1 = no retry)
 * @param retryDelay       delay before the first retry; doubled for each further one
 */
public record TeleportSettings(String address, Path identityFile, ConnectMode mode, Path proxyCaFile,
                               Duration callTimeout, int maxInboundBytes, Duration expiryWarning,
                               int retryAttempts, Duration retryDelay) {

    public static final int DEFAULT_MAX_INBOUND_BYTES = 64 * 1024 * 1024;
    public static final int DEFAULT_RETRY_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(500);

    public TeleportSettings {
        mode = mode == null ? ConnectMode.AUTO : mode;
        callTimeout = callTimeout == null ? Duration.ofSeconds(60) : callTimeout;
        maxInboundBytes = maxInboundBytes <= 0 ? DEFAULT_MAX_INBOUND_BYTES : maxInboundBytes;
        expiryWarning = expiryWarning == null ? Duration.ofDays(7) : expiryWarning;
        retryAttempts = Math.max(1, retryAttempts);
        retryDelay = retryDelay == null ? DEFAULT_RETRY_DELAY : retryDelay;
    }

    public TeleportSettings(String address, Path identityFile, ConnectMode mode, Path proxyCaFile,
                            Duration callTimeout, int maxInboundBytes, Duration expiryWarning) {
        this(address, identityFile, mode, proxyCaFile, callTimeout, maxInboundBytes, expiryWarning,
                DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_DELAY);
    }

    public static TeleportSettings of(String address, Path identityFile) {
        return new TeleportSettings(address, identityFile, ConnectMode.AUTO, null,
                Duration.ofSeconds(60), DEFAULT_MAX_INBOUND_BYTES, Duration.ofDays(7));
    }

    public TeleportSettings withMode(ConnectMode newMode) {
        return new TeleportSettings(address, identityFile, newMode, proxyCaFile, callTimeout, maxInboundBytes,
                expiryWarning, retryAttempts, retryDelay);
    }

    public TeleportSettings withProxyCaFile(Path caFile) {
        return new TeleportSettings(address, identityFile, mode, caFile, callTimeout, maxInboundBytes,
                expiryWarning, retryAttempts, retryDelay);
    }

    public TeleportSettings withCallTimeout(Duration timeout) {
        return new TeleportSettings(address, identityFile, mode, proxyCaFile, timeout, maxInboundBytes,
                expiryWarning, retryAttempts, retryDelay);
    }

    public TeleportSettings withExpiryWarning(Duration horizon) {
        return new TeleportSettings(address, identityFile, mode, proxyCaFile, callTimeout, maxInboundBytes,
                horizon, retryAttempts, retryDelay);
    }

    public TeleportSettings withRetry(int attempts, Duration firstDelay) {
        return new TeleportSettings(address, identityFile, mode, proxyCaFile, callTimeout, maxInboundBytes,
                expiryWarning, attempts, firstDelay);
    }
}

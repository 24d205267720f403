package org.teleportj1.teleport.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to connect to one Teleport cluster. Every value is given: the defaults live
 * in one place, {@code org.teleportj1.teleport.TeleportConfiguration}.
 *
 * @param address          host:port of the proxy web port or the auth service
 * @param identityFile     identity file from {@code tctl auth sign --format=file} or tbot
 * @param mode             connection path
 * @param proxyCaFile      extra CA (PEM) trusted for the proxy's outer TLS, or null
 * @param callTimeout      deadline of every gRPC call
 * @param maxInboundBytes  largest gRPC message accepted
 * @param expiryWarning    warn when the identity expires within this horizon
 * @param retryAttempts    attempts of a call that fails with UNAVAILABLE (1 = no retry)
 * @param retryDelay       delay before the first retry (gRPC's retryPolicy initialBackoff)
 */
public record TeleportSettings(String address, Path identityFile, ConnectMode mode, Path proxyCaFile,
                               Duration callTimeout, int maxInboundBytes, Duration expiryWarning,
                               int retryAttempts, Duration retryDelay) {

    public TeleportSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(expiryWarning, "expiryWarning");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (maxInboundBytes <= 0 || retryAttempts < 1) {
            throw new IllegalArgumentException("maxInboundBytes and retryAttempts must be positive");
        }
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

    public TeleportSettings withRetry(int attempts, Duration firstDelay) {
        return new TeleportSettings(address, identityFile, mode, proxyCaFile, callTimeout, maxInboundBytes,
                expiryWarning, attempts, firstDelay);
    }
}

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
 */
public record TeleportSettings(String address, Path identityFile, ConnectMode mode, Path proxyCaFile,
                               Duration callTimeout, int maxInboundBytes, Duration expiryWarning) {

    public static final int DEFAULT_MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    public static TeleportSettings of(String address, Path identityFile) {
        return new TeleportSettings(address, identityFile, ConnectMode.AUTO, null,
                Duration.ofSeconds(60), DEFAULT_MAX_INBOUND_BYTES, Duration.ofDays(7));
    }
}

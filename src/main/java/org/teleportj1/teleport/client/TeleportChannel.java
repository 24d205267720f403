package org.teleportj1.teleport.client;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC channel to one cluster's auth service on one identity, with what was decided to reach it.
 *
 * @param channel   the channel (mutual TLS with the identity)
 * @param calls     what stubs call: the channel, with the retry attempts' interceptor when retries are on
 * @param identity  the identity it was built from
 * @param mode      the resolved path (never AUTO)
 * @param address   the configured address
 * @param forwarder the loopback forwarder in proxy-upgrade mode, else null
 */
record TeleportChannel(ManagedChannel channel, Channel calls, IdentityFile identity, ConnectMode mode, TeleportAddress address,
                       ConnectionUpgradeForwarder forwarder) implements AutoCloseable {

    Optional<String> upgradeFailure() {
        return forwarder == null ? Optional.empty() : forwarder.lastFailure();
    }

    /** Lets calls in flight finish briefly, then drops the connection and the forwarder. */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (forwarder != null) {
            forwarder.close();
        }
    }
}

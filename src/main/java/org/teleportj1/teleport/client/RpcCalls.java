package org.teleportj1.teleport.client;

import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/**
 * Runs one RPC and turns its failure into an {@link RpcFailure} tagged with the method. Retries of
 * UNAVAILABLE are not done here but by the channel itself (the retryPolicy of its service config,
 * see {@link TeleportChannelFactory#serviceConfig} and {@link RetryAttempts}).
 */
final class RpcCalls {
    private RpcCalls() {
    }

    static <T> T call(String method, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw new RpcFailure(method, e);
        }
    }
}

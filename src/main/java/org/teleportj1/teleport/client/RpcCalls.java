package org.teleportj1.teleport.client;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one unary RPC: retries UNAVAILABLE a bounded number of times with doubling delays, and
 * turns the final failure into an {@link RpcFailure} tagged with the method. TLS failures are not
 * retried: a certificate does not become trusted by waiting.
 */
final class RpcCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RpcCalls.class);
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final ManagedChannel channel;
    private final int attempts;
    private final Duration firstDelay;

    RpcCalls(ManagedChannel channel, int attempts, Duration firstDelay) {
        this.channel = channel;
        this.attempts = attempts;
        this.firstDelay = firstDelay;
    }

    <T> T call(String method, Supplier<T> rpc) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return rpc.get();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || attempt >= attempts || isTlsFailure(e)) {
                    throw new RpcFailure(method, e);
                }
                LOG.warn("{} unavailable ({}); retry {} of {} in {} ms", method, e.getStatus().getDescription(),
                        attempt, attempts - 1, delay.toMillis());
                pause(delay);
                // A failed connection puts the channel into reconnect backoff; retry on a fresh attempt.
                channel.resetConnectBackoff();
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    static boolean isTlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TeleportException("Interrupted while waiting to retry a Teleport call", e);
        }
    }
}

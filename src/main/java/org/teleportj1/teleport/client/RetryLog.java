package org.teleportj1.teleport.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every retry the channel's retryPolicy makes: grpc-java retries silently, and an operator
 * should see that the auth service was unavailable even when the run then succeeded.
 */
final class RetryLog implements ClientInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryLog.class);
    private static final ClientStreamTracer NOTHING = new ClientStreamTracer() {
    };

    private final int attempts;

    RetryLog(int attempts) {
        this.attempts = attempts;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withStreamTracerFactory(new ClientStreamTracer.Factory() {
            @Override
            public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info, Metadata headers) {
                // a transparent retry is gRPC's own replay of a stream that never reached the server
                if (info.getPreviousAttempts() > 0 && !info.isTransparentRetry()) {
                    LOG.warn("{} unavailable; retry {} of {}", method.getFullMethodName(), info.getPreviousAttempts(),
                            attempts - 1);
                }
                return NOTHING;
            }
        }));
    }
}

package org.teleportj1.teleport.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientStreamTracer;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every attempt the channel's retryPolicy makes (a stream tracer per attempt): logs each
 * retry, because grpc-java retries silently and an operator should see that the auth service was
 * unavailable even when the run then succeeded; and after an UNAVAILABLE attempt resets the
 * channel's reconnect backoff, during which the next attempt would otherwise fail at once without
 * trying to connect.
 */
final class RetryAttempts implements ClientInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryAttempts.class);

    private final ManagedChannel channel;
    private final int attempts;

    RetryAttempts(ManagedChannel channel, int attempts) {
        this.channel = channel;
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
                return new ClientStreamTracer() {
                    @Override
                    public void streamClosed(Status status) {
                        if (status.getCode() == Status.Code.UNAVAILABLE) {
                            channel.resetConnectBackoff();
                        }
                    }
                };
            }
        }));
    }
}

package org.teleportj1.sandbox;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answering gRPC calls: unary answers with Teleport-like errors, and flow-controlled streams. */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    static <T> void unary(StreamObserver<T> observer, Supplier<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (RuntimeException e) {
            LOG.error("sandbox failed to answer a call", e);
            observer.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
            return;
        }
        observer.onNext(value);
        observer.onCompleted();
    }

    /**
     * Streams {@code items} only as fast as the client reads them: a 100k-user GetUsers stream
     * would otherwise be buffered whole in the server's heap.
     */
    static <T> void stream(StreamObserver<T> observer, Iterator<T> items) {
        ServerCallStreamObserver<T> call = (ServerCallStreamObserver<T>) observer;
        AtomicBoolean finished = new AtomicBoolean();
        call.setOnCancelHandler(() -> finished.set(true));
        // gRPC runs this once the call is ready and again whenever the transport drains.
        call.setOnReadyHandler(() -> {
            while (!finished.get() && call.isReady() && items.hasNext()) {
                call.onNext(items.next());
            }
            if (!items.hasNext() && finished.compareAndSet(false, true)) {
                call.onCompleted();
            }
        });
    }
}

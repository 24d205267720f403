package org.teleportj1.teleport.client;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.Event;
import org.teleportj1.proto.auth.Watch;
import org.teleportj1.proto.types.WatchKind;

/**
 * One {@code proto.AuthService/WatchEvents} stream (docs/teleport-api.md §9): no deadline (it is
 * meant to stay open), the first event must be OpInit, every later PUT/DELETE goes to the listener.
 */
final class GrpcWatch implements WatchStream {
    static final String METHOD = AuthServiceGrpc.getWatchEventsMethod().getFullMethodName();

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClientCallStreamObserver<Watch> call;

    private GrpcWatch() {
    }

    static GrpcWatch start(TeleportChannel channel, List<String> kinds, WatchListener listener, Clock clock) {
        Watch.Builder request = Watch.newBuilder();
        kinds.forEach(kind -> request.addKinds(WatchKind.newBuilder().setKind(kind)));
        GrpcWatch watch = new GrpcWatch();
        AuthServiceGrpc.newStub(channel.calls()).watchEvents(request.build(), watch.observer(channel, kinds, listener, clock));
        return watch;
    }

    private ClientResponseObserver<Watch, Event> observer(TeleportChannel channel, List<String> kinds,
                                                          WatchListener listener, Clock clock) {
        return new ClientResponseObserver<>() {
            private boolean initialized;

            @Override
            public void beforeStart(ClientCallStreamObserver<Watch> requestStream) {
                call = requestStream;
            }

            @Override
            public void onNext(Event event) {
                if (closed.get()) {
                    return;
                }
                if (!initialized) {
                    if (event.getType() != org.teleportj1.proto.auth.Operation.INIT) {
                        end(new WatchFailure(WatchFailure.Kind.TRANSIENT, "the first event of " + METHOD + " from "
                                + channel.address() + " was " + event.getType() + ", not INIT"));
                        return;
                    }
                    initialized = true;
                    listener.initialized();
                    return;
                }
                WatchEvent change = WatchEvents.of(event, clock.instant());
                if (change != null) {
                    listener.changed(change);
                }
            }

            @Override
            public void onError(Throwable error) {
                end(WatchEvents.failure(Status.fromThrowable(error), channel, kinds));
            }

            @Override
            public void onCompleted() {
                end(new WatchFailure(WatchFailure.Kind.TRANSIENT, "Teleport at " + channel.address()
                        + " closed the " + METHOD + " stream"));
            }

            private void end(WatchFailure failure) {
                if (closed.compareAndSet(false, true)) {
                    cancel("ended");
                    listener.ended(failure);
                }
            }
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cancel("closed by the client");
        }
    }

    private void cancel(String why) {
        ClientCallStreamObserver<Watch> current = call;
        if (current != null) {
            current.cancel(why, null);
        }
    }
}

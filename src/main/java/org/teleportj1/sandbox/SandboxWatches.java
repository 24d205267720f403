package org.teleportj1.sandbox;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.auth.Event;
import org.teleportj1.proto.auth.Operation;
import org.teleportj1.proto.auth.Watch;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.ResourceHeader;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.types.WatchKind;

/**
 * The sandbox's {@code WatchEvents} (docs/teleport-api.md §9): every open watch gets OpInit, then a
 * PUT or DELETE for each write of {@link SandboxData} to a kind it watches, in write order. The
 * identity must be allowed to read every requested kind ({@link SandboxBehaviour#deniedResources}),
 * and {@link #refuseWith} makes the server refuse watches (e.g. UNIMPLEMENTED), for tests.
 */
public final class SandboxWatches {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxWatches.class);

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private volatile Status refusal;

    private record Watcher(Set<String> kinds, ServerCallStreamObserver<Event> observer) {
        void send(Event event) {
            synchronized (this) {
                observer.onNext(event);
            }
        }
    }

    /** From now on every new watch is refused with {@code status}; open watches are closed with it. null: serve again. */
    public void refuseWith(Status status) {
        refusal = status;
        if (status != null) {
            closeAll(status);
        }
    }

    /** Ends every open watch with {@code status} (e.g. UNAVAILABLE: a dropped connection); new watches are served. */
    public void closeAll(Status status) {
        for (Watcher watcher : watchers) {
            watchers.remove(watcher);
            synchronized (watcher) {
                watcher.observer().onError(status.asRuntimeException());
            }
        }
    }

    /** Open watches. */
    public int open() {
        return watchers.size();
    }

    void serve(Watch request, StreamObserver<Event> observer, SandboxBehaviour behaviour) {
        Status refused = refusal;
        if (refused != null) {
            observer.onError(refused.asRuntimeException());
            return;
        }
        Set<String> kinds = Set.copyOf(request.getKindsList().stream().map(WatchKind::getKind).toList());
        if (kinds.isEmpty()) {
            observer.onError(Status.PERMISSION_DENIED.withDescription("can't setup global watch").asRuntimeException());
            return;
        }
        for (String kind : kinds) {
            if (behaviour.deniedResources().contains(kind)) {
                observer.onError(TeleportStatus.accessDenied("read", kind).asRuntimeException());
                return;
            }
        }
        ServerCallStreamObserver<Event> call = (ServerCallStreamObserver<Event>) observer;
        Watcher watcher = new Watcher(kinds, call);
        call.setOnCancelHandler(() -> watchers.remove(watcher));
        synchronized (watcher) {
            watchers.add(watcher);
            call.onNext(Event.newBuilder().setType(Operation.INIT).build());
        }
        LOG.debug("watch opened for {}", kinds);
    }

    // ---- what SandboxData publishes on every write ----

    void put(UserV2 user) {
        publish("user", Event.newBuilder().setType(Operation.PUT).setUser(user));
    }

    void put(RoleV6 role) {
        publish("role", Event.newBuilder().setType(Operation.PUT).setRole(role));
    }

    void put(AccessList list) {
        publish("access_list", Event.newBuilder().setType(Operation.PUT).setAccessList(list));
    }

    void put(Member member) {
        publish("access_list_member", Event.newBuilder().setType(Operation.PUT).setAccessListMember(member));
    }

    void put(Review review) {
        publish("access_list_review", Event.newBuilder().setType(Operation.PUT).setAccessListReview(review));
    }

    void deleted(String kind, String name) {
        publish(kind, Event.newBuilder().setType(Operation.DELETE).setResourceHeader(ResourceHeader.newBuilder()
                .setKind(kind).setMetadata(Metadata.newBuilder().setName(name))));
    }

    private void publish(String kind, Event.Builder event) {
        if (watchers.isEmpty()) {
            return;
        }
        Event built = event.build();
        for (Watcher watcher : watchers) {
            if (watcher.kinds().contains(kind)) {
                try {
                    watcher.send(built);
                } catch (RuntimeException e) {
                    // a watcher that went away between the check and the send
                    watchers.remove(watcher);
                }
            }
        }
    }
}

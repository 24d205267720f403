package org.teleportj1.teleport.client;

import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import org.teleportj1.proto.auth.Event;

/** Reading WatchEvents messages and failures (docs/teleport-api.md §9). */
final class WatchEvents {
    private WatchEvents() {
    }

    /** A PUT or DELETE as a {@link WatchEvent}; null for anything else (an unknown operation or resource). */
    static WatchEvent of(Event event, Instant receivedAt) {
        WatchEvent.Operation operation = switch (event.getType()) {
            case PUT -> WatchEvent.Operation.PUT;
            case DELETE -> WatchEvent.Operation.DELETE;
            default -> null;
        };
        if (operation == null) {
            return null;
        }
        return switch (event.getResourceCase()) {
            case RESOURCEHEADER -> new WatchEvent(operation, event.getResourceHeader().getKind(),
                    event.getResourceHeader().getMetadata().getName(), receivedAt);
            case USER -> new WatchEvent(operation, "user", event.getUser().getMetadata().getName(), receivedAt);
            case ROLE -> new WatchEvent(operation, "role", event.getRole().getMetadata().getName(), receivedAt);
            case ACCESSLIST -> new WatchEvent(operation, "access_list",
                    event.getAccessList().getHeader().getMetadata().getName(), receivedAt);
            case ACCESSLISTMEMBER -> new WatchEvent(operation, "access_list_member",
                    event.getAccessListMember().getSpec().getAccessList() + "/"
                            + event.getAccessListMember().getHeader().getMetadata().getName(), receivedAt);
            case ACCESSLISTREVIEW -> new WatchEvent(operation, "access_list_review",
                    event.getAccessListReview().getSpec().getAccessList() + "/"
                            + event.getAccessListReview().getHeader().getMetadata().getName(), receivedAt);
            // a resource this subset does not know still means "something we watch changed"
            case RESOURCE_NOT_SET -> new WatchEvent(operation, "unknown", "", receivedAt);
        };
    }

    /** What a failed stream means, with the rule to add when the identity may not watch. */
    static WatchFailure failure(Status status, TeleportChannel channel, List<String> kinds) {
        String server = "Teleport at " + channel.address();
        String said = status.getDescription() == null ? status.getCode().toString()
                : status.getCode() + ": " + status.getDescription();
        return switch (status.getCode()) {
            case PERMISSION_DENIED -> new WatchFailure(WatchFailure.Kind.NOT_PERMITTED, server + " does not let '"
                    + channel.identity().user() + "' (roles " + channel.identity().roles() + ") watch " + kinds
                    + " (" + said + "). Watching needs verb read on every watched kind; add to one of its roles:"
                    + " allow.rules: [{resources: " + kinds + ", verbs: [read]}]");
            case UNIMPLEMENTED -> new WatchFailure(WatchFailure.Kind.NOT_SUPPORTED, server + " does not support "
                    + GrpcWatch.METHOD + " (" + said + ")");
            default -> new WatchFailure(WatchFailure.Kind.TRANSIENT, server + ": " + GrpcWatch.METHOD + " failed ("
                    + said + ")");
        };
    }
}

package org.teleportj1.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.AccessReview;

/** Teleport access requests as {@code teleport_access_request} entities ({@code Record}). */
public final class AccessRequestMapper {
    /** Teleport's RequestState numbers. */
    static final int APPROVED = 2;
    static final int PROMOTED = 4;
    private static final List<String> STATES = List.of("NONE", "PENDING", "APPROVED", "DENIED", "PROMOTED");

    private AccessRequestMapper() {
    }

    public static GraphFragment request(AccessRequestV3 request, MappingContext context) {
        String id = request.getMetadata().getName();
        String key = context.keys().accessRequest(id);
        var spec = request.getSpec();
        String promoted = promotedList(request);
        GraphObject entity = context.entity(EntityType.ACCESS_REQUEST, key, id,
                        spec.getUser() + " → " + String.join(", ", spec.getRolesList()))
                .put("category", "request")
                .put("state", state(spec.getState()))
                .put("user", PropertyRules.orNull(spec.getUser()))
                .put("roles", spec.getRolesList().stream().distinct().toList())
                .put("requestReason", PropertyRules.orNull(spec.getRequestReason()))
                .put("resolveReason", PropertyRules.orNull(spec.getResolveReason()))
                .putNonEmpty("reviewers", reviewers(request))
                .putNonEmpty("suggestedReviewers", spec.getSuggestedReviewersList())
                .put("createdOn", TeleportTime.millis(spec.getCreated()))
                .put("expiresOn", TeleportTime.millis(spec.getExpires()))
                .put("assumeStartOn", TeleportTime.millis(spec.getAssumeStartTime()))
                .put("resourceExpiresOn", TeleportTime.millis(spec.getResourceExpiry()))
                .put("inForce", inForce(request, context.syncMillis()))
                .put("promotedToAccessList", promoted);
        GraphFragment fragment = new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_ACCESS_REQUEST, key));
        if (!spec.getUser().isEmpty()) {
            fragment.relationship(context.relationship(RelationshipType.USER_OPENED_ACCESS_REQUEST,
                    context.keys().user(spec.getUser()), key));
        }
        for (AccessReview review : spec.getReviewsList()) {
            if (!review.getAuthor().isEmpty()) {
                fragment.relationship(context.relationship(RelationshipType.USER_REVIEWED_ACCESS_REQUEST,
                                context.keys().user(review.getAuthor()), key, review.getAuthor())
                        .put("proposedState", state(review.getProposedState()))
                        .put("reason", PropertyRules.orNull(review.getReason()))
                        .put("reviewedOn", TeleportTime.millis(review.getCreated())));
            }
        }
        return fragment;
    }

    /**
     * Approved and its access not expired at sync time: Teleport issues certificates with the
     * requested roles until {@code Expires}, so this is access the user has now.
     */
    public static boolean inForce(AccessRequestV3 request, long nowMillis) {
        Long expires = TeleportTime.millis(request.getSpec().getExpires());
        Long start = TeleportTime.millis(request.getSpec().getAssumeStartTime());
        return request.getSpec().getState() == APPROVED && expires != null && expires > nowMillis
                && (start == null || start <= nowMillis);
    }

    /** The access list a promoted request became, or null. */
    public static String promotedList(AccessRequestV3 request) {
        String name = request.getSpec().getAccessList().getName();
        return request.getSpec().getState() == PROMOTED && !name.isEmpty() ? name : null;
    }

    /** Everyone who reviewed the request, in review order. */
    static List<String> reviewers(AccessRequestV3 request) {
        Set<String> out = new LinkedHashSet<>();
        request.getSpec().getReviewsList().forEach(review -> {
            if (!review.getAuthor().isEmpty()) {
                out.add(review.getAuthor());
            }
        });
        return List.copyOf(out);
    }

    static String state(int number) {
        return number >= 0 && number < STATES.size() ? STATES.get(number) : "UNKNOWN_" + number;
    }
}

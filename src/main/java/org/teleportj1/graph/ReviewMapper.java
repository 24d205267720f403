package org.teleportj1.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.accesslist.v1.ReviewChanges;
import org.teleportj1.proto.accesslist.v1.ReviewSpec;

/** Access-list reviews as {@code teleport_access_list_review} entities ({@code Review}). */
public final class ReviewMapper {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ReviewMapper() {
    }

    /**
     * @param listTitle  title of the reviewed list, or null when the list is not part of this sync
     *                   (then the review is still recorded, without the HAS edge)
     */
    public static GraphFragment review(Review review, MappingContext context, String listTitle) {
        ReviewSpec spec = review.getSpec();
        String listName = spec.getAccessList();
        String key = context.keys().review(listName, review.getHeader().getMetadata().getName());
        Long reviewedOn = TeleportTime.millis(spec.getReviewDate());
        String title = "Review of " + (listTitle == null ? listName : listTitle)
                + (reviewedOn == null ? "" : " on " + DATE.format(Instant.ofEpochMilli(reviewedOn)));
        ReviewChanges changes = spec.getChanges();
        List<String> reviewers = spec.getReviewersList().stream().distinct().toList();

        GraphObject entity = context.entity(EntityType.ACCESS_LIST_REVIEW, key,
                        review.getHeader().getMetadata().getName(), title)
                .put("title", title)
                .put("category", "review")
                .put("reviewedOn", reviewedOn)
                .put("createdOn", reviewedOn)
                .put("reviewers", reviewers)
                .put("notes", PropertyRules.orNull(spec.getNotes()))
                .putNonEmpty("removedMembers", changes.getRemovedMembersList())
                .put("requirementsChanged", changes.hasMembershipRequirementsChanged())
                .putNonEmpty("changedRequiresRoles", changes.getMembershipRequirementsChanged().getRolesList())
                .putNonEmpty("changedRequiresTraits",
                        AccessListMapper.traits(changes.getMembershipRequirementsChanged().getTraitsList()))
                .put("frequencyChangedMonths", ReviewFrequency.months(changes.getReviewFrequencyChanged()))
                .put("accessList", listName)
                .put("webLink", context.links().accessList(listName));

        GraphFragment fragment = new GraphFragment().entity(entity);
        if (listTitle != null) {
            fragment.relationship(context.relationship(RelationshipType.ACCESS_LIST_HAS_REVIEW,
                    context.keys().accessList(listName), key));
        }
        for (String reviewer : reviewers) {
            fragment.relationship(context.relationship(RelationshipType.USER_PERFORMED_REVIEW,
                    context.keys().user(reviewer), key));
        }
        return fragment;
    }
}

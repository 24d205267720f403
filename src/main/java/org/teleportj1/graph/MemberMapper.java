package org.teleportj1.graph;

import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.MemberSpec;

/**
 * Access-list members as HAS edges: to a {@code teleport_user}, or to a nested
 * {@code teleport_access_list} for members of kind LIST.
 */
public final class MemberMapper {
    private MemberMapper() {
    }

    public static boolean isNestedList(Member member) {
        return member.getSpec().getMembershipKind() == AccessListMapper.KIND_LIST;
    }

    /** Whether the membership gives the member the list's grants at the sync time. */
    public static boolean grants(Member member, long now) {
        return Eligibility.grants(member.getSpec().getIneligibleStatus()) && !expired(member.getSpec(), now);
    }

    public static GraphObject membership(Member member, MappingContext context) {
        MemberSpec spec = member.getSpec();
        String listKey = context.keys().accessList(spec.getAccessList());
        boolean nested = isNestedList(member);
        String memberKey = nested ? context.keys().accessList(spec.getName()) : context.keys().user(spec.getName());
        RelationshipType type = nested ? RelationshipType.ACCESS_LIST_HAS_ACCESS_LIST
                : RelationshipType.ACCESS_LIST_HAS_USER;
        return context.relationship(type, listKey, memberKey)
                .put("membershipKind", nested ? "list" : "user")
                .put("joinedOn", TeleportTime.millis(spec.getJoined()))
                .put("expiresOn", TeleportTime.millis(spec.getExpires()))
                .put("expired", expired(spec, context.syncMillis()))
                .put("reason", PropertyRules.orNull(spec.getReason()))
                .put("addedBy", PropertyRules.orNull(spec.getAddedBy()))
                .put("ineligibleStatus", Eligibility.label(spec.getIneligibleStatus()));
    }

    private static boolean expired(MemberSpec spec, long now) {
        Long expiresOn = TeleportTime.millis(spec.getExpires());
        return expiresOn != null && expiresOn <= now;
    }
}

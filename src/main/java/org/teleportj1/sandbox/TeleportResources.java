package org.teleportj1.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListAudit;
import org.teleportj1.proto.accesslist.v1.AccessListGrants;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;
import org.teleportj1.proto.accesslist.v1.AccessListSpec;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.MemberSpec;
import org.teleportj1.proto.accesslist.v1.Recurrence;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.accesslist.v1.ReviewSpec;
import org.teleportj1.proto.header.v1.ResourceHeader;
import org.teleportj1.proto.trait.v1.Trait;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleOptions;
import org.teleportj1.proto.types.RoleSpecV6;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserSpecV2;
import org.teleportj1.proto.types.UserStatusV2;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.wrappers.LabelValues;
import org.teleportj1.proto.wrappers.StringValues;

/**
 * Resources shaped the way a Teleport auth server sends them: kinds and versions set, the
 * non-nullable embedded messages present, unset non-nullable times as 0001-01-01. Tests use these
 * builders to add or edit data of a running sandbox.
 */
public final class TeleportResources {
    /** IneligibleStatus values (Teleport's enum numbers). */
    public static final int ELIGIBLE = 1;
    public static final int USER_NOT_EXIST = 2;
    public static final int MISSING_REQUIREMENTS = 3;
    public static final int EXPIRED = 4;
    /** MembershipKind values. */
    public static final int KIND_USER = 1;
    public static final int KIND_LIST = 2;
    /** Teleport's label on bot users; its value is the bot's name. */
    public static final String BOT_LABEL = "teleport.internal/bot";
    public static final String ORIGIN_LABEL = "teleport.dev/origin";

    private TeleportResources() {
    }

    public static Metadata.Builder metadata(String name) {
        return Metadata.newBuilder().setName(name).setNamespace("default");
    }

    /** A local user with the given roles; times unset, no traits. */
    public static UserV2.Builder user(String name, List<String> roles) {
        return UserV2.newBuilder()
                .setKind("user").setVersion("v2")
                .setMetadata(metadata(name))
                .setSpec(UserSpecV2.newBuilder()
                        .addAllRoles(roles)
                        .setTraits(LabelValues.getDefaultInstance())
                        .setStatus(LoginStatus.newBuilder()
                                .setLockedTime(ProtoTime.UNSET).setLockExpires(ProtoTime.UNSET))
                        .setExpires(ProtoTime.UNSET)
                        .setCreatedBy(CreatedBy.newBuilder().setTime(ProtoTime.UNSET)))
                .setStatus(UserStatusV2.getDefaultInstance());
    }

    /** A role of version v7 with empty allow/deny conditions. */
    public static RoleV6.Builder role(String name) {
        return RoleV6.newBuilder()
                .setKind("role").setVersion("v7")
                .setMetadata(metadata(name))
                .setSpec(RoleSpecV6.newBuilder()
                        .setOptions(RoleOptions.getDefaultInstance())
                        .setAllow(RoleConditions.getDefaultInstance())
                        .setDeny(RoleConditions.getDefaultInstance()));
    }

    public static ResourceHeader header(String kind, String name) {
        return ResourceHeader.newBuilder()
                .setKind(kind).setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder()
                        .setName(name).setNamespace("default"))
                .build();
    }

    /** An access list with a title, user owners, a recurrence and a next audit date. */
    public static AccessList.Builder accessList(String name, String title, List<String> owners,
                                                int frequencyMonths, Instant nextAudit) {
        AccessListSpec.Builder spec = AccessListSpec.newBuilder()
                .setTitle(title)
                .setAudit(AccessListAudit.newBuilder()
                        .setNextAuditDate(ProtoTime.orUnset(nextAudit))
                        .setRecurrence(Recurrence.newBuilder().setFrequency(frequencyMonths).setDayOfMonth(1)))
                .setGrants(AccessListGrants.getDefaultInstance());
        for (String owner : owners) {
            spec.addOwners(owner(owner, KIND_USER, ELIGIBLE));
        }
        return AccessList.newBuilder().setHeader(header("access_list", name)).setSpec(spec);
    }

    public static AccessListOwner owner(String name, int membershipKind, int ineligibleStatus) {
        return AccessListOwner.newBuilder()
                .setName(name).setMembershipKind(membershipKind).setIneligibleStatus(ineligibleStatus).build();
    }

    /** A membership; {@code expires} null means none (sent as 0001-01-01, as Teleport does). */
    public static Member.Builder member(String list, String name, int membershipKind, Instant joined,
                                       Instant expires) {
        return Member.newBuilder()
                .setHeader(header("access_list_member", name))
                .setSpec(MemberSpec.newBuilder()
                        .setAccessList(list).setName(name)
                        .setJoined(ProtoTime.orUnset(joined)).setExpires(ProtoTime.orUnset(expires))
                        .setMembershipKind(membershipKind).setIneligibleStatus(ELIGIBLE));
    }

    public static Review.Builder review(String list, String name, List<String> reviewers, Instant date,
                                        String notes) {
        return Review.newBuilder()
                .setHeader(header("access_list_review", name))
                .setSpec(ReviewSpec.newBuilder()
                        .setAccessList(list).addAllReviewers(reviewers)
                        .setReviewDate(ProtoTime.orUnset(date)).setNotes(notes));
    }

    public static LabelValues labelValues(Map<String, List<String>> values) {
        LabelValues.Builder out = LabelValues.newBuilder();
        values.forEach((key, list) -> out.putValues(key, StringValues.newBuilder().addAllValues(list).build()));
        return out.build();
    }

    public static Trait trait(String key, String... values) {
        return Trait.newBuilder().setKey(key).addAllValues(List.of(values)).build();
    }
}

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
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.machineid.v1.BotInstanceSpec;
import org.teleportj1.proto.machineid.v1.BotInstanceStatus;
import org.teleportj1.proto.machineid.v1.BotInstanceStatusAuthentication;
import org.teleportj1.proto.machineid.v1.BotInstanceStatusHeartbeat;
import org.teleportj1.proto.machineid.v1.BotSpec;
import org.teleportj1.proto.machineid.v1.BotStatus;
import org.teleportj1.proto.trait.v1.Trait;
import org.teleportj1.proto.types.AccessRequestSpecV3;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.AccessReview;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.LockSpecV2;
import org.teleportj1.proto.types.LockTarget;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.PromotedAccessList;
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

    /** RequestState numbers. */
    public static final int PENDING = 1;
    public static final int APPROVED = 2;
    public static final int DENIED = 3;
    public static final int PROMOTED = 4;

    /** A lock on {@code target}; {@code expires} null means until deleted (the field is then absent, as Teleport sends it). */
    public static LockV2 lock(String name, LockTarget target, String message, Instant created, Instant expires) {
        LockSpecV2.Builder spec = LockSpecV2.newBuilder().setTarget(target).setMessage(message)
                .setCreatedAt(ProtoTime.orUnset(created)).setCreatedBy("admin@example.com");
        if (expires != null) {
            spec.setExpires(ProtoTime.of(expires));
        }
        return LockV2.newBuilder().setKind("lock").setVersion("v2").setMetadata(metadata(name)).setSpec(spec).build();
    }

    /** An access request of {@code user} for {@code roles} in {@code state}; reviews added by the caller. */
    public static AccessRequestV3.Builder accessRequest(String id, String user, List<String> roles, int state,
                                                        Instant created, Instant accessExpires, String reason) {
        return AccessRequestV3.newBuilder().setKind("access_request").setVersion("v3").setMetadata(metadata(id))
                .setSpec(AccessRequestSpecV3.newBuilder().setUser(user).addAllRoles(roles).setState(state)
                        .setCreated(ProtoTime.orUnset(created)).setExpires(ProtoTime.orUnset(accessExpires))
                        .setRequestReason(reason).setMaxDuration(ProtoTime.orUnset(accessExpires))
                        .setAccessList(PromotedAccessList.getDefaultInstance()));
    }

    public static AccessReview review(String author, int proposedState, String reason, Instant created) {
        return AccessReview.newBuilder().setAuthor(author).setProposedState(proposedState).setReason(reason)
                .setCreated(ProtoTime.orUnset(created)).build();
    }

    /** A bot with its user {@code bot-<name>} and role {@code bot-<name>}, as tctl bots add creates them. */
    public static Bot bot(String name, List<String> roles, long maxSessionTtlSeconds) {
        return Bot.newBuilder().setKind("bot").setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name).setNamespace("default"))
                .setSpec(BotSpec.newBuilder().addAllRoles(roles)
                        .setMaxSessionTtl(com.google.protobuf.Duration.newBuilder().setSeconds(maxSessionTtlSeconds)))
                .setStatus(BotStatus.newBuilder().setUserName("bot-" + name).setRoleName("bot-" + name))
                .build();
    }

    /** A running tbot; {@code heartbeats} are the recorded times of its latest heartbeats (may be none). */
    public static BotInstance botInstance(String bot, String id, Instant joined, String joinMethod, String hostname,
                                          List<Instant> heartbeats) {
        BotInstanceStatus.Builder status = BotInstanceStatus.newBuilder()
                .setInitialAuthentication(BotInstanceStatusAuthentication.newBuilder()
                        .setAuthenticatedAt(ProtoTime.of(joined)).setJoinMethod(joinMethod));
        for (Instant beat : heartbeats) {
            status.addLatestHeartbeats(BotInstanceStatusHeartbeat.newBuilder().setRecordedAt(ProtoTime.of(beat))
                    .setHostname(hostname).setVersion("18.2.10").setJoinMethod(joinMethod).setOs("linux")
                    .setArchitecture("amd64"));
        }
        return BotInstance.newBuilder().setKind("bot_instance").setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(id).setNamespace("default"))
                .setSpec(BotInstanceSpec.newBuilder().setBotName(bot).setInstanceId(id))
                .setStatus(status).build();
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

package org.teleportj1.graph;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
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
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleSpecV6;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.types.UserSpecV2;
import org.teleportj1.proto.types.UserV2;

/** Hand-made Teleport protobufs for graph tests, shaped like what a real server sends. */
final class TeleportFixtures {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String CLUSTER = "example.teleport.sh";
    static final GraphKeys KEYS = new GraphKeys(CLUSTER, 1000);
    static final int KIND_USER = 1;
    static final int KIND_LIST = 2;
    static final int ELIGIBLE = 1;
    static final int MISSING_REQUIREMENTS = 3;

    private TeleportFixtures() {
    }

    /** The result of feeding one cluster through a {@link GraphBuilder}. */
    record Run(RecordingSink sink, GraphStats stats) {
        Map<String, Object> user(String name) {
            return sink.entity(KEYS.user(name));
        }

        /** Roles the user holds via ASSIGNED edges, as "role" or "role via list" strings. */
        List<String> assignments(String user) {
            return sink.relationships(RelationshipType.USER_ASSIGNED_ROLE.type(), KEYS.user(user), null).stream()
                    .map(r -> r.get("_toEntityKey").toString().substring(KEYS.role("").length())
                            + (r.get("accessList") == null ? "" : " via " + r.get("accessList")
                            + (Boolean.TRUE.equals(r.get("inherited")) ? " inherited" : "")
                            + (Boolean.TRUE.equals(r.get("asOwner")) ? " as owner" : "")))
                    .sorted().toList();
        }
    }

    static Run run(List<RoleV6> roles, List<UserV2> users, List<AccessList> lists, List<Member> members,
                   List<Review> reviews) {
        return run(cluster(), roles, users, lists, members, reviews);
    }

    static Run run(ClusterInfo cluster, List<RoleV6> roles, List<UserV2> users, List<AccessList> lists,
                   List<Member> members, List<Review> reviews) {
        return run(cluster, roles, users, lists, members, reviews, Controls.NONE);
    }

    /** The optional resources of a hand-made cluster. */
    record Controls(List<LockV2> locks, List<AccessRequestV3> requests, List<Bot> bots, List<BotInstance> instances,
                    List<Message> connectors) {
        static final Controls NONE = new Controls(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Feeds the pages in the route's order: roles, locks, requests, users, lists, members, reviews, bots, … */
    static Run run(ClusterInfo cluster, List<RoleV6> roles, List<UserV2> users, List<AccessList> lists,
                   List<Member> members, List<Review> reviews, Controls controls) {
        RecordingSink sink = new RecordingSink();
        GraphBuilder builder = new GraphBuilder(cluster, sink);
        builder.account();
        builder.roles(roles);
        builder.locks(controls.locks());
        builder.accessRequests(controls.requests());
        builder.users(users);
        builder.accessLists(lists);
        builder.members(members);
        builder.reviews(reviews);
        builder.bots(controls.bots());
        builder.botInstances(controls.instances());
        builder.ssoConnectors(controls.connectors());
        builder.complete();
        return new Run(sink, builder.stats());
    }

    static ClusterInfo cluster() {
        return new ClusterInfo(CLUSTER, "17.4.2", "example.teleport.sh:443", null, NOW);
    }

    static Timestamp time(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Go's zero time, which Teleport sends for "not set". */
    static Timestamp unset() {
        return Timestamp.newBuilder().setSeconds(TeleportTime.GO_ZERO_SECONDS).build();
    }

    static Instant days(long days) {
        return NOW.plusSeconds(days * 86_400);
    }

    /** A local user as Teleport lists it: always-encoded zero timestamps included. */
    static UserV2.Builder user(String name, String... roles) {
        return UserV2.newBuilder().setKind("user").setVersion("v2")
                .setMetadata(Metadata.newBuilder().setName(name).setNamespace("default"))
                .setSpec(UserSpecV2.newBuilder().addAllRoles(List.of(roles)).setExpires(unset())
                        .setStatus(LoginStatus.newBuilder().setLockedTime(unset()).setLockExpires(unset())));
    }

    static RoleV6.Builder role(String name) {
        return RoleV6.newBuilder().setKind("role").setVersion("v7")
                .setMetadata(Metadata.newBuilder().setName(name).setNamespace("default"))
                .setSpec(RoleSpecV6.newBuilder());
    }

    /** A role whose allow conditions may request the given role patterns. */
    static RoleV6 requester(String name, String... patterns) {
        RoleV6.Builder role = role(name);
        role.getSpecBuilder().getAllowBuilder().getRequestBuilder().addAllRoles(List.of(patterns));
        return role.build();
    }

    static RoleV6 superAdmin(String name) {
        RoleV6.Builder role = role(name);
        role.getSpecBuilder().setAllow(RoleConditions.newBuilder()
                .addRules(Rule.newBuilder().addResources("*").addVerbs("*")));
        return role.build();
    }

    static AccessList.Builder accessList(String name, String title, String... grantedRoles) {
        return AccessList.newBuilder()
                .setHeader(ResourceHeader.newBuilder().setKind("access_list").setVersion("v1")
                        .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name)))
                .setSpec(AccessListSpec.newBuilder().setTitle(title)
                        .setGrants(AccessListGrants.newBuilder().addAllRoles(List.of(grantedRoles)))
                        .setAudit(AccessListAudit.newBuilder().setNextAuditDate(time(days(30)))
                                .setRecurrence(Recurrence.newBuilder().setFrequency(6).setDayOfMonth(1))));
    }

    static AccessListOwner owner(String user) {
        return AccessListOwner.newBuilder().setName(user).setMembershipKind(KIND_USER).setIneligibleStatus(ELIGIBLE)
                .build();
    }

    static AccessListOwner ownerList(String list) {
        return AccessListOwner.newBuilder().setName(list).setMembershipKind(KIND_LIST).setIneligibleStatus(ELIGIBLE)
                .build();
    }

    static Member.Builder member(String list, String user) {
        return memberOfKind(list, user, KIND_USER);
    }

    static Member.Builder nestedList(String list, String child) {
        return memberOfKind(list, child, KIND_LIST);
    }

    private static Member.Builder memberOfKind(String list, String name, int kind) {
        return Member.newBuilder()
                .setHeader(ResourceHeader.newBuilder().setKind("access_list_member").setVersion("v1")
                        .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name)))
                .setSpec(MemberSpec.newBuilder().setAccessList(list).setName(name).setMembershipKind(kind)
                        .setJoined(time(days(-100))).setAddedBy("admin").setReason("onboarding")
                        .setIneligibleStatus(ELIGIBLE));
    }

    static Review.Builder review(String list, String name, Instant date, String... reviewers) {
        return Review.newBuilder()
                .setHeader(ResourceHeader.newBuilder().setKind("access_list_review").setVersion("v1")
                        .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name)))
                .setSpec(ReviewSpec.newBuilder().setAccessList(list).addAllReviewers(List.of(reviewers))
                        .setReviewDate(time(date)).setNotes("all good"));
    }
}

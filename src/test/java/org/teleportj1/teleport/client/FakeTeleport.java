package org.teleportj1.teleport.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.MemberSpec;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.accesslist.v1.ReviewSpec;
import org.teleportj1.proto.header.v1.ResourceHeader;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserSpecV2;
import org.teleportj1.proto.types.UserV2;

/**
 * Canned cluster content for {@link TestAuthServer}, plus switches that make it behave like the
 * servers the client must cope with: legacy, buggy, throttling, flaky, restrictive.
 */
final class FakeTeleport {
    final String cluster;
    final List<UserV2> users;   // sorted by name, as Teleport's backend returns them
    final List<RoleV6> roles;
    final List<AccessList> accessLists;
    final Map<String, List<Member>> members;
    final Map<String, List<Review>> reviews;

    /** Only the pre-v15 RPCs: ListUsers, ListRoles and ListAll* answer UNIMPLEMENTED; GetRoles works. */
    volatile boolean legacy;
    /** ListUsers' old cache bug: the next-page token names the first user not returned. */
    volatile boolean skipUserAtPageBoundary;
    /** ListUsers and ListRoles answer RESOURCE_EXHAUSTED for larger page sizes. */
    volatile int exhaustedAbove = Integer.MAX_VALUE;
    /** ListAccessLists always hands out the same next token. */
    volatile boolean repeatAccessListToken;
    /** PERMISSION_DENIED for every access-list RPC. */
    volatile boolean denyAccessLists;
    /** Lists whose members/reviews answer NOT_FOUND (deleted after being listed). */
    final Set<String> deletedLists = ConcurrentHashMap.newKeySet();
    /** How many ListRoles calls answer UNAVAILABLE before the server recovers. */
    final AtomicInteger unavailableRoleCalls = new AtomicInteger();

    /** Page sizes requested, per method name (e.g. "ListUsers"). */
    final Map<String, Queue<Integer>> pageSizes = new ConcurrentHashMap<>();
    final Queue<String> calls = new ConcurrentLinkedQueue<>();

    private FakeTeleport(String cluster, List<UserV2> users, List<RoleV6> roles, List<AccessList> accessLists,
                         Map<String, List<Member>> members, Map<String, List<Review>> reviews) {
        this.cluster = cluster;
        this.users = users;
        this.roles = roles;
        this.accessLists = accessLists;
        this.members = members;
        this.reviews = reviews;
    }

    static FakeTeleport seeded(String cluster, int userCount, int roleCount, int listCount, int membersPerList) {
        List<UserV2> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(user(String.format("user-%05d", i)));
        }
        List<RoleV6> roles = new ArrayList<>();
        for (int i = 0; i < roleCount; i++) {
            roles.add(RoleV6.newBuilder().setKind("role").setVersion("v7")
                    .setMetadata(Metadata.newBuilder().setName(String.format("role-%04d", i))).build());
        }
        List<AccessList> lists = new ArrayList<>();
        Map<String, List<Member>> members = new LinkedHashMap<>();
        Map<String, List<Review>> reviews = new LinkedHashMap<>();
        for (int l = 0; l < listCount; l++) {
            String name = String.format("list-%03d", l);
            lists.add(AccessList.newBuilder().setHeader(header("access_list", name)).build());
            List<Member> listMembers = new ArrayList<>();
            for (int m = 0; m < membersPerList; m++) {
                listMembers.add(Member.newBuilder().setHeader(header("access_list_member", name + "/" + m))
                        .setSpec(MemberSpec.newBuilder().setAccessList(name).setName(String.format("user-%05d", m)))
                        .build());
            }
            members.put(name, listMembers);
            reviews.put(name, List.of(Review.newBuilder().setHeader(header("access_list_review", name + "-review"))
                    .setSpec(ReviewSpec.newBuilder().setAccessList(name).addReviewers("alice")).build()));
        }
        return new FakeTeleport(cluster, Collections.unmodifiableList(users), roles, lists, members, reviews);
    }

    static UserV2 user(String name) {
        return UserV2.newBuilder().setKind("user").setVersion("v2")
                .setMetadata(Metadata.newBuilder().setName(name))
                .setSpec(UserSpecV2.newBuilder().addRoles("access")).build();
    }

    private static ResourceHeader header(String kind, String name) {
        return ResourceHeader.newBuilder().setKind(kind).setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name)).build();
    }

    List<Member> allMembers() {
        return members.values().stream().flatMap(List::stream).toList();
    }

    List<Review> allReviews() {
        return reviews.values().stream().flatMap(List::stream).toList();
    }

    void recordPageSize(String method, int size) {
        calls.add(method);
        pageSizes.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(size);
    }
}

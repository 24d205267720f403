package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAccessListsRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListsResponse;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;

/** Paging as Teleport pages: server maximums, tokens, every object exactly once, empty final token. */
class SandboxPagingTest {
    @TempDir
    static Path dir;
    static SandboxCluster cluster;
    static ManagedChannel channel;
    static SandboxReader reader;
    static SandboxData data;

    @BeforeAll
    static void start() throws Exception {
        cluster = SandboxCluster.start(SandboxOptions.defaults(dir)
                .withSize(new SandboxSize(2_500, 250, 260, 9_000, 700)));
        channel = MutualTlsChannel.open(cluster);
        reader = new SandboxReader(channel);
        data = cluster.data();
    }

    @AfterAll
    static void stop() throws Exception {
        MutualTlsChannel.close(channel);
        cluster.close();
    }

    @Test
    void sizesAreTotalsIncludingTheSeed() {
        assertEquals(2_500, data.userCount());
        assertEquals(250, data.roleCount());
        assertEquals(260, data.accessListCount());
        assertEquals(9_000, data.memberCount());
        assertEquals(700, data.reviewCount());
    }

    @Test
    void usersArriveExactlyOnceInNameOrderWithSmallPages() {
        List<UserV2> users = reader.allUsers(333);
        assertExactlyOnce(users, user -> user.getMetadata().getName(), data.userCount());
        assertEquals(sorted(users, user -> user.getMetadata().getName()), names(users, user -> user.getMetadata().getName()));
        assertTrue(reader.pageSizes.subList(0, reader.pageSizes.size() - 1).stream().allMatch(size -> size == 333));
    }

    @Test
    void userPagesAreClampedToOneThousand() {
        for (int requested : new int[] {0, 5_000, -3}) {
            List<UserV2> users = reader.allUsers(requested);
            assertEquals(List.of(1000, 1000, 500), reader.pageSizes, "page_size " + requested);
            assertExactlyOnce(users, user -> user.getMetadata().getName(), 2_500);
        }
    }

    @Test
    void userTokenIsTheFirstNameOfTheNextPage() {
        ListUsersResponse first = reader.users().listUsers(ListUsersRequest.newBuilder().setPageSize(10).build());
        ListUsersResponse second = reader.users().listUsers(
                ListUsersRequest.newBuilder().setPageSize(10).setPageToken(first.getNextPageToken()).build());
        assertEquals(first.getNextPageToken(), second.getUsers(0).getMetadata().getName());
    }

    @Test
    void rolesDefaultToOneHundredAndNextKeyIsTheFirstRoleOfTheNextPage() {
        ListRolesResponse first = reader.auth().listRoles(ListRolesRequest.getDefaultInstance());
        assertEquals(100, first.getRolesCount());
        ListRolesResponse second = reader.auth().listRoles(ListRolesRequest.newBuilder().setStartKey(first.getNextKey()).build());
        assertEquals(first.getNextKey(), second.getRoles(0).getMetadata().getName());

        List<RoleV6> roles = reader.allRoles(0);
        assertEquals(List.of(100, 100, 50), reader.pageSizes);
        assertExactlyOnce(roles, role -> role.getMetadata().getName(), 250);
        assertExactlyOnce(reader.allRoles(16_000), role -> role.getMetadata().getName(), 250);
    }

    @Test
    void rolePagesAboveSixteenThousandAreRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> reader.auth().listRoles(ListRolesRequest.newBuilder().setLimit(16_001).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals("page size of 16001 is too large", refused.getStatus().getDescription());
    }

    @Test
    void accessListPagesAreClampedToOneHundredWithStatus() {
        for (int requested : new int[] {0, 1_000}) {
            List<AccessList> lists = reader.allLists(requested);
            assertEquals(List.of(100, 100, 60), reader.pageSizes);
            assertExactlyOnce(lists, list -> list.getHeader().getMetadata().getName(), 260);
        }
        AccessList engineering = reader.allLists(7).stream()
                .filter(list -> list.getHeader().getMetadata().getName().equals(SandboxSeed.ENGINEERING))
                .findFirst().orElseThrow();
        assertEquals(4, engineering.getStatus().getMemberCount());
        assertEquals(1, engineering.getStatus().getMemberListCount());
    }

    @Test
    void allMembersArriveOnceInPagesOfAtMostTwoHundred() {
        List<Member> members = reader.allMembers(0);
        assertTrue(reader.pageSizes.stream().allMatch(size -> size <= 200));
        assertEquals(200, reader.pageSizes.get(0));
        assertExactlyOnce(members, member -> member.getSpec().getAccessList() + "/" + member.getSpec().getName(), 9_000);
        reader.allMembers(10_000);
        assertEquals(200, reader.pageSizes.get(0));
    }

    @Test
    void perListMembersMatchTheAllMembersListing() {
        Set<String> union = new HashSet<>();
        for (AccessList list : reader.allLists(100)) {
            String name = list.getHeader().getMetadata().getName();
            for (Member member : reader.membersOf(name, 16)) {
                assertEquals(name, member.getSpec().getAccessList());
                assertTrue(union.add(name + "/" + member.getSpec().getName()));
            }
        }
        assertEquals(reader.allMembers(200).stream()
                .map(member -> member.getSpec().getAccessList() + "/" + member.getSpec().getName())
                .collect(Collectors.toSet()), union);
    }

    @Test
    void reviewsArriveOnceAndPerListReviewsAgree() {
        List<Review> reviews = reader.allReviews(0);
        assertEquals(200, reader.pageSizes.get(0));
        assertExactlyOnce(reviews, review -> review.getSpec().getAccessList() + "/" + review.getHeader().getMetadata().getName(), 700);
        assertEquals(2, reader.reviewsOf(SandboxSeed.ENGINEERING, 1).size());
    }

    @Test
    void accessListTokensAreOpaqueAndChildTokensPlain() {
        ListAccessListsResponse first = reader.lists().listAccessLists(ListAccessListsRequest.newBuilder().setPageSize(5).build());
        assertFalse(first.getNextToken().isEmpty());
        assertFalse(first.getNextToken().contains(first.getAccessLists(4).getHeader().getMetadata().getName()));

        StatusRuntimeException garbage = assertThrows(StatusRuntimeException.class, () -> reader.lists()
                .listAccessLists(ListAccessListsRequest.newBuilder().setNextToken("%%%").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, garbage.getStatus().getCode());

        // members and reviews carry Teleport's plain tokens: <list>/<name> across lists, <name> within one
        ListAllAccessListMembersResponse all = reader.lists().listAllAccessListMembers(
                ListAllAccessListMembersRequest.newBuilder().setPageSize(2).build());
        assertTrue(all.getNextPageToken().contains("/"));
        ListAccessListMembersResponse engineering = reader.lists().listAccessListMembers(ListAccessListMembersRequest
                .newBuilder().setAccessList(SandboxSeed.ENGINEERING).setPageSize(2).build());
        assertFalse(engineering.getNextPageToken().contains("/"));
    }

    @Test
    void unsetTimesTravelAsYearOne() {
        UserV2 alice = reader.users().getUser(org.teleportj1.proto.users.v1.GetUserRequest.newBuilder()
                .setName(SandboxSeed.ALICE).build()).getUser();
        assertTrue(alice.getSpec().hasExpires());
        assertEquals(-62135596800L, alice.getSpec().getExpires().getSeconds());
        assertEquals(-62135596800L, alice.getSpec().getStatus().getLockExpires().getSeconds());
        assertFalse(alice.getMetadata().hasExpires(), "Metadata.Expires is nullable and stays absent");
        Member bob = reader.membersOf(SandboxSeed.ENGINEERING, 200).stream()
                .filter(member -> member.getSpec().getName().equals(SandboxSeed.BOB_GITHUB)).findFirst().orElseThrow();
        assertEquals(-62135596800L, bob.getSpec().getExpires().getSeconds());
    }

    private static <T> void assertExactlyOnce(List<T> items, Function<T, String> key, int expected) {
        Set<String> distinct = items.stream().map(key).collect(Collectors.toSet());
        assertEquals(expected, items.size(), "items");
        assertEquals(expected, distinct.size(), "distinct items");
    }

    private static <T> List<String> names(List<T> items, Function<T, String> key) {
        return items.stream().map(key).toList();
    }

    private static <T> List<String> sorted(List<T> items, Function<T, String> key) {
        return items.stream().map(key).sorted().toList();
    }
}

package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;

/**
 * Each version profile really has its release's listing bug: a naive reader, following the tokens
 * as documented and nothing more, loses or repeats data (docs/teleport-api.md §6, §7).
 */
class TeleportVersionBugsTest {
    @TempDir
    static Path dir;
    static SandboxCluster cluster;
    static ManagedChannel channel;
    static SandboxReader reader;
    static List<String> boundaryUsers;

    @BeforeAll
    static void start() throws Exception {
        cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withUsers(1_500));
        boundaryUsers = BoundaryUsers.addAtFirstPageBoundary(cluster.data(), 1000);
        channel = MutualTlsChannel.open(cluster);
        reader = new SandboxReader(channel);
        assertTrue(cluster.data().memberCount() > 200, "more than one ListAllAccessListMembers page");
    }

    @AfterAll
    static void stop() throws Exception {
        MutualTlsChannel.close(channel);
        cluster.close();
    }

    @AfterEach
    void current() {
        cluster.behaviour(SandboxBehaviour.normal());
    }

    private static void imitate(TeleportVersion version) {
        cluster.behaviour(SandboxBehaviour.normal().withTeleportVersion(version));
    }

    /** v14, v15 and the v18.0 cache ignore the ListAllAccessListMembers token. */
    @ParameterizedTest
    @EnumSource(value = TeleportVersion.class, names = {"V14_3", "V15_0", "V18_0"})
    void allMembersRepeatsTheFirstPage(TeleportVersion version) {
        imitate(version);
        ListAllAccessListMembersResponse first = allMembersPage("");
        ListAllAccessListMembersResponse second = allMembersPage(first.getNextPageToken());

        assertEquals(first.getMembersList(), second.getMembersList());
        assertEquals(first.getNextPageToken(), second.getNextPageToken(), "a naive reader loops forever");
        // 18.0 hands out the bare member name, the older ones a well-formed <list>/<member>
        assertEquals(version != TeleportVersion.V18_0, first.getNextPageToken().contains("/"));
    }

    @Test
    void currentReleasePagesAllMembers() {
        imitate(TeleportVersion.CURRENT);
        assertEquals(cluster.data().memberCount(), reader.allMembers(200).size());
    }

    /** Releases before May 2025: a list's page runs on into the lists after it. */
    @ParameterizedTest
    @EnumSource(value = TeleportVersion.class, names = {"V14_3", "V15_0", "V16", "V17"})
    void perListMembersRunIntoLaterLists(TeleportVersion version) {
        imitate(version);
        String list = firstListWithMembers();
        ListAccessListMembersResponse page = reader.lists().listAccessListMembers(ListAccessListMembersRequest
                .newBuilder().setAccessList(list).setPageSize(200).build());

        assertTrue(page.getMembersList().stream().anyMatch(m -> !m.getSpec().getAccessList().equals(list)),
                "members of other lists in the page of " + list);
    }

    /** The per-list token repeats the list the server prefixes again: resuming with it loses members. */
    @Test
    void doublePrefixedMemberTokenLosesMembers() {
        imitate(TeleportVersion.V18_0);
        String list = cluster.data().accessLists().map(l -> l.getHeader().getMetadata().getName())
                .filter(name -> cluster.data().members(name).size() >= 3).findFirst().orElseThrow();
        List<String> truth = cluster.data().members(list).stream().map(m -> m.getSpec().getName()).toList();

        List<String> naive = new ArrayList<>();
        String token = "";
        for (int call = 0; call < truth.size() * 2; call++) { // bounded: the tokens need not advance
            ListAccessListMembersResponse page = reader.lists().listAccessListMembers(ListAccessListMembersRequest
                    .newBuilder().setAccessList(list).setPageSize(1).setPageToken(token).build());
            page.getMembersList().forEach(m -> naive.add(m.getSpec().getName()));
            token = page.getNextPageToken();
            if (token.isEmpty()) {
                break;
            }
            assertTrue(token.startsWith(list + "/"), token);
        }
        assertNotEquals(truth, naive);
    }

    @ParameterizedTest
    @EnumSource(value = TeleportVersion.class, names = {"V17", "V18_0"})
    void perListReviewsRunIntoLaterLists(TeleportVersion version) {
        imitate(version);
        String list = cluster.data().accessLists().map(l -> l.getHeader().getMetadata().getName())
                .filter(name -> !cluster.data().reviews(name).isEmpty()).findFirst().orElseThrow();
        List<Review> reviews = reader.lists().listAccessListReviews(ListAccessListReviewsRequest.newBuilder()
                .setAccessList(list).setPageSize(200).build()).getReviewsList(); // one page: the tokens need not end
        assertTrue(reviews.stream().anyMatch(r -> !r.getSpec().getAccessList().equals(list)));
    }

    /** The v18.0.0 cache skips the boundary user and the names up to {@code <it>0}. */
    @Test
    void v18UsersPagesSkipTheBoundaryUserAndTheNamesUpToItsToken() {
        imitate(TeleportVersion.V18_0);
        Set<String> naive = new HashSet<>();
        reader.allUsers(1000).forEach(user -> naive.add(user.getMetadata().getName()));

        boundaryUsers.forEach(name -> assertFalse(naive.contains(name), name + " is skipped"));
        assertEquals(cluster.data().userCount() - boundaryUsers.size(), naive.size());
    }

    @Test
    void v18UsersPageSizeZeroIsAnEmptyPageThatStillSkipsAUser() {
        imitate(TeleportVersion.V18_0);
        ListUsersResponse page = reader.users().listUsers(ListUsersRequest.newBuilder().setPageSize(0).build());
        String firstUser = cluster.data().users().map(UserV2::getMetadata).map(m -> m.getName()).sorted()
                .findFirst().orElseThrow();

        assertEquals(0, page.getUsersCount());
        assertEquals(firstUser + "0", page.getNextPageToken());
    }

    @Test
    void pingReportsTheImitatedVersion() {
        for (TeleportVersion version : TeleportVersion.values()) {
            imitate(version);
            assertEquals(version.version(), reader.auth().ping(
                    org.teleportj1.proto.auth.PingRequest.getDefaultInstance()).getServerVersion());
        }
    }

    @Test
    void versionsParseFromTheirShortNames() {
        assertEquals(TeleportVersion.V14_3, TeleportVersion.parse("14.3"));
        assertEquals(TeleportVersion.V16, TeleportVersion.parse("16.x"));
        assertEquals(TeleportVersion.V17, TeleportVersion.parse("17.4.8"));
        assertEquals(TeleportVersion.V18_0, TeleportVersion.parse("18.0"));
        assertEquals(TeleportVersion.CURRENT, TeleportVersion.parse("current"));
    }

    private static ListAllAccessListMembersResponse allMembersPage(String token) {
        return reader.lists().listAllAccessListMembers(ListAllAccessListMembersRequest.newBuilder()
                .setPageSize(200).setPageToken(token).build());
    }

    /** The first list (in name order) with members that is followed by another list's members. */
    private static String firstListWithMembers() {
        List<Member> all = cluster.data().allMembers().toList();
        return all.get(0).getSpec().getAccessList();
    }
}

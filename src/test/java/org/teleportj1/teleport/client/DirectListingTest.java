package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.teleport.TeleportConfiguration;

/** Listing against the auth stand-in in direct mode: data, page sizes, fallbacks, server faults. */
class DirectListingTest {
    private static final String CLUSTER = "direct.example.com";
    private static TestPki pki;

    @TempDir
    Path dir;
    private TestAuthServer server;
    private TeleportConnection connection;

    @BeforeAll
    static void cluster() {
        pki = TestPki.create(CLUSTER);
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private TeleportClient connect(FakeTeleport data) {
        server = TestAuthServer.start(pki, data);
        TeleportSettings settings = new TeleportConfiguration().toSettings(server.address(), pki.writeIdentity(dir.resolve("identity")))
                .withMode(ConnectMode.DIRECT).withCallTimeout(Duration.ofSeconds(10)).withRetry(3, Duration.ofMillis(10));
        connection = new TeleportConnection(settings);
        return connection.client();
    }

    private static List<String> userNames(List<UserV2> users) {
        return users.stream().map(u -> u.getMetadata().getName()).toList();
    }

    @Test
    void listsEverythingWithExplicitMaximumPageSizes() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 2500, 1200, 120, 3);
        TeleportClient client = connect(data);

        assertEquals(CLUSTER, client.ping().getClusterName());
        assertEquals(userNames(data.users), userNames(Pages.drain(client.users())));
        assertEquals(data.roles, Pages.drain(client.roles()));
        assertEquals(data.accessLists, Pages.drain(client.accessLists()));
        assertEquals(data.allMembers(), Pages.drain(client.accessListMembers()));
        assertEquals(data.allReviews(), Pages.drain(client.accessListReviews()));

        assertEquals(List.of(1000, 1000, 1000), List.copyOf(data.pageSizes.get("ListUsers")));
        assertEquals(List.of(1000, 1000), List.copyOf(data.pageSizes.get("ListRoles")));
        assertEquals(List.of(100, 100), List.copyOf(data.pageSizes.get("ListAccessLists")));
        assertTrue(data.pageSizes.get("ListAllAccessListMembers").stream().allMatch(size -> size == 200));
        assertTrue(data.pageSizes.get("ListAllAccessListReviews").stream().allMatch(size -> size == 200));
    }

    @Test
    void pagesAreFetchedOnlyWhenAskedFor() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 2500, 1, 0, 0);
        TeleportClient client = connect(data);

        Iterator<List<UserV2>> users = client.users();
        assertEquals(0, data.pageSizes.getOrDefault("ListUsers", new java.util.LinkedList<>()).size());
        assertEquals(1000, users.next().size());
        assertEquals(1, data.pageSizes.get("ListUsers").size());
    }

    @Test
    void legacyServerFallbacksReturnTheSameData() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 2300, 40, 7, 30);
        data.legacy = true;
        TeleportClient client = connect(data);

        List<List<UserV2>> userPages = new java.util.ArrayList<>();
        client.users().forEachRemaining(userPages::add);
        assertEquals(List.of(1000, 1000, 300), userPages.stream().map(List::size).toList(), "stream chunked into pages");
        assertEquals(userNames(data.users), userNames(userPages.stream().flatMap(List::stream).toList()));
        assertEquals(data.roles, Pages.drain(client.roles()));
        assertEquals(data.allMembers(), Pages.drain(client.accessListMembers()));
        assertEquals(data.allReviews(), Pages.drain(client.accessListReviews()));
        assertTrue(data.calls.contains("GetUsers") && data.calls.contains("GetRoles"));
        assertTrue(data.calls.contains("ListAccessListMembers") && data.calls.contains("ListAccessListReviews"));
        assertTrue(!data.calls.contains("ListAllAccessListMembers"));
    }

    @Test
    void userSkippedAtEachPageBoundaryIsRecovered() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 2500, 1, 0, 0);
        data.skipUserAtPageBoundary = true;
        TeleportClient client = connect(data);

        assertEquals(userNames(data.users), userNames(Pages.drain(client.users())));
        // the pages resume at the skipped name instead of after it (docs/teleport-api.md §6)
        assertEquals(3, data.calls.stream().filter("ListUsers"::equals).count(), "one page per 1000 users");
    }

    @Test
    void fixedServerNeedsNoGetUser() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 2500, 1, 0, 0);
        TeleportClient client = connect(data);

        assertEquals(2500, Pages.drain(client.users()).size());
        assertTrue(!data.calls.contains("GetUser"));
    }

    @Test
    void pageHalvesOnResourceExhausted() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1100, 700, 0, 0);
        data.exhaustedAbove = 300;
        TeleportClient client = connect(data);

        assertEquals(userNames(data.users), userNames(Pages.drain(client.users())));
        assertEquals(data.roles, Pages.drain(client.roles()));
        assertEquals(List.of(1000, 500, 250), List.copyOf(data.pageSizes.get("ListUsers")).subList(0, 3));
        assertTrue(data.pageSizes.get("ListUsers").stream().skip(2).allMatch(size -> size == 250));
    }

    @Test
    void repeatedPageTokenStopsWithAnError() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1, 1, 250, 0);
        data.repeatAccessListToken = true;
        TeleportClient client = connect(data);

        TeleportException e = assertThrows(TeleportException.class, () -> Pages.drain(client.accessLists()));
        assertTrue(e.getMessage().contains("page token '1' twice") && e.getMessage().contains("access lists"),
                e.getMessage());
    }

    @Test
    void listDeletedMidRunIsSkipped() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1, 1, 4, 5);
        data.legacy = true;
        data.deletedLists.add("list-002");
        TeleportClient client = connect(data);

        List<Member> members = Pages.drain(client.accessListMembers());
        assertEquals(15, members.size());
        assertTrue(members.stream().noneMatch(m -> m.getSpec().getAccessList().equals("list-002")));
        assertEquals(3, Pages.drain(client.accessListReviews()).size());
    }

    @Test
    void unavailableOnceIsRetried() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1, 10, 0, 0);
        data.unavailableRoleCalls.set(1);
        TeleportClient client = connect(data);

        assertEquals(data.roles, Pages.drain(client.roles()));
        assertEquals(2, data.pageSizes.get("ListRoles").size(), "one failed call, one retry");
    }

    @Test
    void unavailableBeyondTheRetryBudgetFails() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1, 10, 0, 0);
        data.unavailableRoleCalls.set(10);
        TeleportClient client = connect(data);

        TeleportException e = assertThrows(TeleportException.class, () -> Pages.drain(client.roles()));
        assertTrue(e.getMessage().contains("unavailable after 3 attempts"), e.getMessage());
        assertEquals(3, data.pageSizes.get("ListRoles").size());
    }

    @Test
    void permissionDeniedNamesTheMissingRule() {
        FakeTeleport data = FakeTeleport.seeded(CLUSTER, 1, 1, 3, 1);
        data.denyAccessLists = true;
        TeleportClient client = connect(data);

        String message = assertThrows(TeleportException.class, () -> Pages.drain(client.accessListMembers()))
                .getMessage();
        assertTrue(message.contains("access_list") && message.contains("list,read"), message);
        assertTrue(message.contains(TestPki.USER) && message.contains(dir.resolve("identity").toString()), message);
    }
}

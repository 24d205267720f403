package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.sandbox.BoundaryUsers;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxData;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.TeleportVersion;
import org.teleportj1.teleport.TeleportConfiguration;

/**
 * The full listing against every Teleport release the sandbox imitates, over real mutual TLS,
 * compared with the sandbox's ground truth: every user, member and review exactly once.
 */
class TeleportVersionMatrixTest {
    /** Enough for several pages of each listing (1000 users, 200 members a page). */
    private static final int USERS = 1_500;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TeleportVersion.class)
    void everyProfileListsEverythingExactlyOnce(TeleportVersion version) {
        try (SandboxCluster cluster = start(version, SandboxBehaviour.normal());
             TeleportConnection connection = connect(cluster)) {
            TeleportClient client = connection.client();

            assertEquals(version.version(), client.ping().getServerVersion());
            SandboxData truth = cluster.data();
            assertEquals(sorted(truth.users().map(TeleportVersionMatrixTest::name)),
                    sorted(Pages.drain(client.users()).stream().map(TeleportVersionMatrixTest::name)));
            assertEquals(truth.roleCount(), Pages.drain(client.roles()).size());
            assertEquals(truth.accessListCount(), Pages.drain(client.accessLists()).size());
            assertEverything(truth, client);
            assertEquals(expectedQuirks(version), ((GrpcTeleportClient) client).listingQuirks());
        }
    }

    /**
     * Locks, access requests and connectors on every release (the access-request stream where the
     * paged RPC is missing); bots and bot instances where the release has them, else UNIMPLEMENTED.
     */
    @ParameterizedTest
    @EnumSource(TeleportVersion.class)
    void everyProfileListsTheOptionalResourcesItServes(TeleportVersion version) {
        try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withTeleportVersion(version));
             TeleportConnection connection = connect(cluster)) {
            TeleportClient client = connection.client();
            SandboxData truth = cluster.data();
            assertEquals(truth.locks().count(), Pages.drain(client.locks()).size());
            assertEquals(sorted(truth.accessRequests().map(r -> r.getMetadata().getName())),
                    sorted(Pages.drain(client.accessRequests()).stream().map(r -> r.getMetadata().getName())));
            assertEquals(version == TeleportVersion.V14_3 || version == TeleportVersion.V15_0 ? 1 : 0,
                    cluster.calls("GetAccessRequestsV2"), "the stream only where ListAccessRequests is missing");
            assertEquals(truth.ssoConnectors().count(), Pages.drain(client.ssoConnectors()).size());
            if (version == TeleportVersion.V14_3) {
                assertEquals(TeleportException.Kind.UNIMPLEMENTED,
                        assertThrows(TeleportException.class, () -> Pages.drain(client.bots())).kind());
            } else {
                assertEquals(truth.bots().count(), Pages.drain(client.bots()).size());
            }
            if (version == TeleportVersion.V14_3 || version == TeleportVersion.V15_0) {
                TeleportException missing = assertThrows(TeleportException.class,
                        () -> Pages.drain(client.botInstances()));
                assertEquals(TeleportException.Kind.UNIMPLEMENTED, missing.kind());
                assertEquals("teleport.machineid.v1.BotInstanceService/ListBotInstances", missing.method());
            } else {
                assertEquals(truth.botInstances().count(), Pages.drain(client.botInstances()).size());
                assertEquals(version == TeleportVersion.CURRENT ? 0 : 1, cluster.calls("ListBotInstances"),
                        "the deprecated RPC only where V2 is missing");
            }
        }
    }

    /** What the client should detect on the full listing (per-list quirks only once it reads per list). */
    private static Set<ListingQuirk> expectedQuirks(TeleportVersion version) {
        return switch (version) {
            case V14_3, V15_0 -> Set.of(ListingQuirk.ALL_MEMBERS_PAGING, ListingQuirk.PER_LIST_RUNS_ON);
            case V18_0 -> Set.of(ListingQuirk.ALL_MEMBERS_PAGING, ListingQuirk.USERS_PAGE_TOKEN);
            case V16, V17, CURRENT -> Set.of();
        };
    }

    /** Without the ListAll* RPCs every profile's per-list pages are read: their quirks too. */
    @ParameterizedTest
    @EnumSource(TeleportVersion.class)
    void everyProfilesPerListPathListsEverythingExactlyOnce(TeleportVersion version) {
        try (SandboxCluster cluster = start(version, SandboxBehaviour.normal().withLegacyServer(true));
             TeleportConnection connection = connect(cluster)) {
            assertEverything(cluster.data(), connection.client());
        }
    }

    private static void assertEverything(SandboxData truth, TeleportClient client) {
        assertEquals(sorted(truth.allMembers().map(m -> m.getSpec().getAccessList() + "/" + m.getSpec().getName())),
                sorted(Pages.drain(client.accessListMembers()).stream()
                        .map(m -> m.getSpec().getAccessList() + "/" + m.getSpec().getName())));
        assertEquals(sorted(truth.allReviews().map(r -> r.getSpec().getAccessList() + "/" + name(r.getHeader()))),
                sorted(Pages.drain(client.accessListReviews()).stream()
                        .map(r -> r.getSpec().getAccessList() + "/" + name(r.getHeader()))));
    }

    private SandboxCluster start(TeleportVersion version, SandboxBehaviour behaviour) {
        SandboxCluster cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withUsers(USERS)
                .withBehaviour(behaviour).withTeleportVersion(version));
        BoundaryUsers.addAtFirstPageBoundary(cluster.data(), GrpcTeleportClient.USERS_PAGE);
        return cluster;
    }

    private TeleportConnection connect(SandboxCluster cluster) {
        TeleportSettings settings = new TeleportConfiguration().toSettings(cluster.address(), cluster.identityFile())
                .withMode(ConnectMode.DIRECT).withCallTimeout(Duration.ofSeconds(20)).withRetry(3, Duration.ofMillis(10));
        return new TeleportConnection(settings);
    }

    private static String name(UserV2 user) {
        return user.getMetadata().getName();
    }

    private static String name(org.teleportj1.proto.header.v1.ResourceHeader header) {
        return header.getMetadata().getName();
    }

    /** Sorted, duplicates kept: equal lists mean every item exactly once. */
    private static List<String> sorted(Stream<String> names) {
        return names.sorted().toList();
    }
}

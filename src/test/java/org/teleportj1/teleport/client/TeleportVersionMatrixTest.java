package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersRequest;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** Tests change the live dataset between runs; the next call sees the change. */
class SandboxDataTest {
    @TempDir
    Path dir;
    SandboxCluster cluster;
    ManagedChannel channel;
    SandboxReader reader;
    SandboxData data;

    @BeforeEach
    void start() throws Exception {
        cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withSize(new SandboxSize(300, 20, 20, 400, 30)));
        channel = MutualTlsChannel.open(cluster);
        reader = new SandboxReader(channel);
        data = cluster.data();
    }

    @AfterEach
    void stop() throws Exception {
        MutualTlsChannel.close(channel);
        cluster.close();
    }

    @Test
    void addedAndRemovedUsersShowInTheNextListing() {
        data.putUser(TeleportResources.user("zed@example.com", List.of("access")).build());
        assertTrue(data.removeUser(SandboxSeed.HEIDI));
        assertFalse(data.removeUser(SandboxSeed.HEIDI));
        List<String> names = reader.allUsers(50).stream().map(user -> user.getMetadata().getName()).toList();
        assertTrue(names.contains("zed@example.com"));
        assertFalse(names.contains(SandboxSeed.HEIDI));
        assertEquals(300, names.size());
    }

    @Test
    void writesStampANewRevision() {
        RoleV6 before = data.role("access").orElseThrow();
        RoleV6.Builder edited = before.toBuilder();
        edited.getSpecBuilder().getAllowBuilder().addLogins("admin");
        data.putRole(edited.build());
        RoleV6 served = reader.allRoles(100).stream()
                .filter(role -> role.getMetadata().getName().equals("access")).findFirst().orElseThrow();
        assertTrue(served.getSpec().getAllow().getLoginsList().contains("admin"));
        assertNotEquals(before.getMetadata().getRevision(), served.getMetadata().getRevision());
        assertFalse(served.getMetadata().getRevision().isEmpty());

        UserV2 generated = data.user("user-000001@example.com").orElseThrow();
        data.putUser(generated);
        assertNotEquals(generated.getMetadata().getRevision(), data.user("user-000001@example.com").orElseThrow()
                .getMetadata().getRevision());
        assertTrue(data.removeRole("access"));
        assertTrue(data.role("access").isEmpty());
    }

    @Test
    void removingAMembershipUpdatesListingAndStatus() {
        assertEquals(4, data.accessList(SandboxSeed.ENGINEERING).orElseThrow().getStatus().getMemberCount());
        assertTrue(data.removeMember(SandboxSeed.ENGINEERING, SandboxSeed.BOB_GITHUB));
        assertTrue(data.removeMember(SandboxSeed.ENGINEERING, SandboxSeed.PLATFORM_ONCALL));
        AccessList engineering = data.accessList(SandboxSeed.ENGINEERING).orElseThrow();
        assertEquals(3, engineering.getStatus().getMemberCount());
        assertEquals(0, engineering.getStatus().getMemberListCount());
        assertEquals(List.of(), data.accessList(SandboxSeed.PLATFORM_ONCALL).orElseThrow().getStatus().getMemberOfList());
        assertEquals(3, reader.membersOf(SandboxSeed.ENGINEERING, 200).size());
        assertEquals(400 - 2, reader.allMembers(200).size());
    }

    @Test
    void addingANestedMemberIndexesIt() {
        data.putMember(TeleportResources.member(SandboxSeed.SECURITY, SandboxSeed.CONTRACTORS,
                TeleportResources.KIND_LIST, Instant.now(), null).build());
        assertEquals(1, data.accessList(SandboxSeed.SECURITY).orElseThrow().getStatus().getMemberListCount());
        assertEquals(List.of(SandboxSeed.SECURITY),
                data.accessList(SandboxSeed.CONTRACTORS).orElseThrow().getStatus().getMemberOfList());
    }

    @Test
    void deletingAListDeletesItsMembersAndReviews() {
        assertTrue(data.removeAccessList(SandboxSeed.ENGINEERING));
        assertTrue(data.members(SandboxSeed.ENGINEERING).isEmpty());
        assertTrue(data.reviews(SandboxSeed.ENGINEERING).isEmpty());
        assertEquals(400 - 5, data.memberCount());
        assertEquals(List.of(), data.accessList(SandboxSeed.SECURITY).orElseThrow().getStatus().getOwnerOfList());
        StatusRuntimeException gone = assertThrows(StatusRuntimeException.class, () -> reader.lists()
                .listAccessListMembers(ListAccessListMembersRequest.newBuilder().setAccessList(SandboxSeed.ENGINEERING).build()));
        assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());
        assertEquals(19, reader.allLists(100).size());
    }

    @Test
    void nameslessResourcesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> data.putUser(UserV2.getDefaultInstance()));
        assertThrows(IllegalArgumentException.class, () -> data.putAccessList(AccessList.getDefaultInstance()));
    }
}

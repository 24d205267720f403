package org.teleportj1.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLocksTest {
    @TempDir
    Path dir;

    @Test
    void oneRunPerClusterAcrossLockInstancesAndFreeAgainAfterClose() throws IOException {
        ClusterLocks service = new ClusterLocks(dir);
        ClusterLocks manual = new ClusterLocks(dir); // a second process would hold its own instance
        try (ClusterLocks.Lease held = service.acquire("prod", "scheduled run")) {
            RunOverlapException same = assertThrows(RunOverlapException.class, () -> service.acquire("prod", "again"));
            assertTrue(same.getMessage().contains("scheduled run"), same.getMessage());
            assertThrows(RunOverlapException.class, () -> manual.acquire("prod", "manual sync"));
            manual.acquire("staging", "other cluster").close();
        }
        manual.acquire("prod", "manual sync").close();
    }

    @Test
    void refusesClusterNamesThatAreNotFileNames() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterLocks(dir).acquire("../etc", "x"));
    }
}

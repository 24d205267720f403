package org.teleportj1.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStateTest {
    @TempDir
    Path root;

    private static LastSuccess run(String id, long objects) {
        return new LastSuccess(id, "job-" + id, Instant.EPOCH, Instant.EPOCH, objects, Map.of());
    }

    @Test
    void seesWhatAnotherProcessWroteAfterItsOwnRead() {
        ClusterState mine = new StateDirectory(root).cluster("prod");
        ClusterState theirs = new StateDirectory(root).cluster("prod");
        mine.applied("jupiterone", run("1", 10));
        assertEquals(10, mine.lastApplied("jupiterone").orElseThrow().objects());

        // another replica, under the run lock, replaces state.json with content of the same size
        theirs.applied("jupiterone", run("2", 20));

        assertEquals("2", mine.lastApplied("jupiterone").orElseThrow().runId());
        assertEquals(20, mine.lastApplied("jupiterone").orElseThrow().objects());
    }

    @Test
    void readsTheFileAgainWhenItWasChangedInPlace() throws IOException {
        ClusterState state = new StateDirectory(root).cluster("prod");
        state.applied("jupiterone", run("1", 10));
        Path file = root.resolve("prod").resolve(ClusterState.FILE);
        Files.writeString(file, Files.readString(file).replace("\"objects\" : 10", "\"objects\" : 12345"));

        assertEquals(12345, state.lastApplied("jupiterone").orElseThrow().objects());
    }

    @Test
    void theStateItHandsOutCannotBeChangedBehindItsBack() {
        ClusterState state = new StateDirectory(root).cluster("prod");
        state.applied("jupiterone", run("1", 10), users -> Map.of("alice@example.com", Instant.EPOCH));

        assertThrows(UnsupportedOperationException.class,
                () -> state.rememberedUsers().put("mallory@example.com", Instant.EPOCH));
        assertEquals(Map.of("alice@example.com", Instant.EPOCH), state.rememberedUsers());
    }
}

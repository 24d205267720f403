package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.jupiterone.J1StandIn;

/**
 * Three replicas of {@code run} (real child processes of the entry point) share the file cluster
 * service's directory, the state directory and one J1: one of them syncs the cluster on every
 * tick, never two at once; when the leader is killed ({@code kill -9}) another one takes over.
 * Each replica has its own J1 API key, so the J1 stand-in tells which one started a job.
 */
class ReplicasTest {
    private static final J1StandIn J1 = new J1StandIn();
    private static final int REPLICAS = 3;
    private static final int LOCK_INTERVAL_SECONDS = 1;

    @TempDir
    Path dir;

    private final List<ChildProgram> replicas = new ArrayList<>();

    @AfterAll
    static void stopJ1() {
        J1.close();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ChildProgram::kill);
    }

    @Test
    void oneReplicaSyncsAtATimeAndAnotherTakesOverWhenTheLeaderIsKilled() throws Exception {
        Files.createDirectories(dir.resolve("ha"));
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(replica(i));
        }
        List<J1StandIn.Job> before = await(Duration.ofSeconds(45), jobs -> finalized(jobs).size() >= 3);
        List<J1StandIn.Job> synced = finalized(before);
        String leader = synced.get(synced.size() - 1).openedBy;
        assertEquals(List.of(leader), synced.stream().map(job -> job.openedBy).distinct().toList(),
                "one replica synced every tick before the kill");

        int leaderIndex = Integer.parseInt(leader.substring(leader.lastIndexOf('-') + 1));
        long killed = System.nanoTime();
        replicas.get(leaderIndex).kill();
        List<J1StandIn.Job> after = await(Duration.ofSeconds(30), jobs -> finalized(jobs).stream()
                .anyMatch(job -> !job.openedBy.equals(leader) && job.startedNanos > killed));
        J1StandIn.Job takeover = finalized(after).stream()
                .filter(job -> !job.openedBy.equals(leader) && job.startedNanos > killed).findFirst().orElseThrow();
        Duration takeoverTime = Duration.ofNanos(takeover.finalizedNanos - killed);
        System.out.printf("ReplicasTest: %d ticks synced by %s before the kill, takeover by %s in %d ms%n",
                synced.size(), leader, takeover.openedBy, takeoverTime.toMillis());

        assertNotEquals(leader, takeover.openedBy);
        assertTrue(takeoverTime.compareTo(Duration.ofSeconds(20)) < 0, "takeover took " + takeoverTime);
        for (J1StandIn.Job job : after) {
            assertEquals(0, job.othersOpen, "no job was started while another one was open: " + job.id);
        }
        List<String> finalizers = finalized(after).stream().map(job -> job.openedBy).toList();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < finalizers.size(); i++) {
            if (i == 0 || !finalizers.get(i).equals(finalizers.get(i - 1))) {
                changes.add(finalizers.get(i));
            }
        }
        assertEquals(List.of(leader, takeover.openedBy), changes, "finalized jobs came from one replica at a time");
        assertTrue(log(takeover.openedBy).contains("Cluster 'default': this replica is now the leader"),
                "the new leader logged its leadership");
    }

    /** Polls the stand-in's jobs until {@code done}, failing with the replicas' logs at the deadline. */
    private List<J1StandIn.Job> await(Duration timeout, Predicate<List<J1StandIn.Job>> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<J1StandIn.Job> jobs = J1.jobs();
            if (done.test(jobs)) {
                return jobs;
            }
            Thread.sleep(100); // polling interval only: the condition above is what the test waits for
        }
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < REPLICAS; i++) {
            logs.append("\n--- replica ").append(i).append('\n').append(log("Bearer replica-" + i));
        }
        throw new AssertionError("not reached within " + timeout + ": " + J1.jobs().size() + " jobs" + logs);
    }

    private static List<J1StandIn.Job> finalized(List<J1StandIn.Job> jobs) {
        return jobs.stream().filter(job -> job.finalizedNanos != 0).toList();
    }

    /** One replica: {@code run} in a JVM of its own, configured as a user would (environment variables). */
    private ChildProgram replica(int index) {
        return ChildProgram.start(dir, Map.ofEntries(
                Map.entry("TELEPORT_ADDRESS", "sandbox"),
                Map.entry("J1_API_BASE_URL", J1.baseUrl()),
                Map.entry("J1_API_KEY", "replica-" + index),
                Map.entry("J1_ACCOUNT_ID", "replicas-test"),
                Map.entry("J1_JOB_POLL_INTERVAL_MS", "10"),
                Map.entry("SYNC_CRON", "*/2 * * * * ?"),
                Map.entry("SYNC_STATE_DIR", dir.resolve("state").toString()),
                Map.entry("SYNC_DEAD_LETTER_DIR", dir.resolve("dead-letters").toString()),
                Map.entry("SYNC_OUTPUT_DIR", dir.resolve("output-" + index).toString()),
                Map.entry("HA_CLUSTER_SERVICE", "file"),
                Map.entry("HA_FILE_ROOT", dir.resolve("ha").toString()),
                Map.entry("HA_FILE_ACQUIRE_LOCK_INTERVAL_SECONDS", String.valueOf(LOCK_INTERVAL_SECONDS))), "run");
    }

    /** The log of the replica whose J1 key is in {@code authorization} ("Bearer replica-N"). */
    private String log(String authorization) {
        return replicas.get(Integer.parseInt(authorization.substring(authorization.lastIndexOf('-') + 1))).output();
    }
}

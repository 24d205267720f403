package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.jupiterone.J1StandIn;

/**
 * Three replicas of {@code run} (real child processes of the entry point) share the file cluster
 * service's directory, the state directory and one J1: one of them syncs the cluster on every
 * tick, never two at once, and its health says so; when the leader is killed ({@code kill -9})
 * another one takes over.
 * Each replica has its own J1 API key, so the J1 stand-in tells which one started a job.
 */
class ReplicasTest {
    private static final J1StandIn J1 = new J1StandIn();
    private static final int REPLICAS = 3;
    private static final int LOCK_INTERVAL_SECONDS = 1;
    private static final int TICK_SECONDS = 2;
    private static final int TICKS_BEFORE_KILL = 4;
    private static final int TICKS_AFTER = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int[] ports = {freePort(), freePort(), freePort()};

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
        List<J1StandIn.Job> before = await(Duration.ofSeconds(60), jobs -> finalized(jobs).size() >= TICKS_BEFORE_KILL);
        List<J1StandIn.Job> synced = finalized(before);
        String leader = synced.get(synced.size() - 1).openedBy;
        assertEquals(List.of(leader), synced.stream().map(job -> job.openedBy).distinct().toList(),
                "one replica synced every tick before the kill");
        int leaderIndex = index(leader);
        for (int i = 0; i < REPLICAS; i++) {
            String expected = i == leaderIndex ? "leader" : "follower";
            JsonNode health = health(i);
            assertEquals(expected, check(health, "leadership").path("data").path("default.leadership").asText(),
                    "replica " + i + ": " + health);
            if (i != leaderIndex) {
                assertEquals("UP", check(health, "last-sync").path("status").asText(), "a follower is not DOWN: "
                        + health);
            }
        }
        // check runs in a process of its own: it reads the leader's heartbeat next to the lock
        ChildProgram check = ChildProgram.start(dir, environment(REPLICAS), "check");
        assertEquals(TeleportJupiterOne.OK, check.exitCode(), check.output());
        assertTrue(check.output().matches("(?s).*ok +leadership +a replica leads \\(heartbeat \\d+ s ago in .*"),
                check.output());

        long killed = System.nanoTime();
        replicas.get(leaderIndex).kill();
        List<J1StandIn.Job> after = await(Duration.ofSeconds(40), jobs -> finalized(jobs).stream()
                .filter(job -> !job.openedBy.equals(leader) && job.startedNanos > killed).count() >= TICKS_AFTER);
        J1StandIn.Job takeover = finalized(after).stream()
                .filter(job -> !job.openedBy.equals(leader) && job.startedNanos > killed).findFirst().orElseThrow();
        Duration takeoverTime = Duration.ofNanos(takeover.finalizedNanos - killed);

        assertNotEquals(leader, takeover.openedBy);
        assertTrue(takeoverTime.compareTo(Duration.ofSeconds(20)) < 0, "takeover took " + takeoverTime);
        for (J1StandIn.Job job : after) {
            assertEquals(0, job.othersOpen, "no job of the cluster was started while another one was open: " + job.id);
        }
        List<String> finalizers = finalized(after).stream().map(job -> job.openedBy).toList();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < finalizers.size(); i++) {
            if (i == 0 || !finalizers.get(i).equals(finalizers.get(i - 1))) {
                changes.add(finalizers.get(i));
            }
        }
        assertEquals(List.of(leader, takeover.openedBy), changes, "finalized jobs came from one replica at a time");
        int ticks = assertOneJobPerTickAndCluster(after, leader, killed);
        assertTrue(log(takeover.openedBy).contains("Cluster 'default': this replica is now the leader"),
                "the new leader logged its leadership");
        assertFalse(log(takeover.openedBy).contains("already registered"), "the leader gauge is registered once");
        long longestRun = finalized(after).stream().mapToLong(job -> job.finalizedNanos - job.startedNanos).max()
                .orElseThrow() / 1_000_000;
        System.out.printf("ReplicasTest: %d ticks with one finalized job each (%d before the kill, by %s; longest"
                + " run %d ms); takeover by %s in %d ms%n", ticks, synced.size(), leader, longestRun,
                takeover.openedBy, takeoverTime.toMillis());
    }

    /**
     * Every tick of the schedule (a {@value #TICK_SECONDS} s slot) started at most one job per
     * cluster, and that job was finalized, except one the killed leader left open, which the new
     * leader aborted. Returns the number of ticks with a finalized job.
     */
    private static int assertOneJobPerTickAndCluster(List<J1StandIn.Job> jobs, String killedLeader, long killed) {
        Map<String, List<J1StandIn.Job>> byTick = new TreeMap<>();
        for (J1StandIn.Job job : jobs) {
            long tick = job.startedAt.getEpochSecond() / TICK_SECONDS;
            byTick.computeIfAbsent(job.scope() + " @" + tick, key -> new ArrayList<>()).add(job);
        }
        int finalized = 0;
        long first = jobs.get(0).startedAt.getEpochSecond() / TICK_SECONDS;
        long last = jobs.get(jobs.size() - 1).startedAt.getEpochSecond() / TICK_SECONDS;
        System.out.printf("ReplicasTest: %d jobs in %d ticks from the first to the last (the rest skipped: leader"
                + " busy, or no leader yet after the kill)%n", jobs.size(), last - first + 1);
        for (Map.Entry<String, List<J1StandIn.Job>> tick : byTick.entrySet()) {
            List<J1StandIn.Job> started = tick.getValue();
            assertEquals(1, started.size(), "one job in tick " + tick.getKey() + ": " + started.stream()
                    .map(job -> job.id + " by " + job.openedBy + " at " + job.startedAt + " (" + job.status + ")")
                    .toList());
            J1StandIn.Job job = started.get(0);
            if (job.finalizedNanos != 0) {
                assertEquals(1, job.finalizes.get(), "finalized once: " + job.id);
                finalized++;
            } else {
                assertTrue(job.openedBy.equals(killedLeader) && job.startedNanos < killed && job.abortReason != null,
                        "only the job the killed leader left open is not finalized, and it was aborted: " + job.id
                        + " by " + job.openedBy + " (" + job.status + ")");
            }
        }
        return finalized;
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
    private ChildProgram replica(int index) throws IOException {
        Map<String, String> environment = new HashMap<>(environment(index));
        // Quartz runs a fire held up by a long run late unless it is over 60 s late; at one tick every
        // 2 s that is a catch-up run in the next tick's slot. Skipping it (as an hourly schedule
        // does) keeps every job in the slot of the tick that started it.
        Path quartz = dir.resolve("quartz.properties");
        Files.writeString(quartz, "org.quartz.threadPool.threadCount = 2\n"
                + "org.quartz.jobStore.class = org.quartz.simpl.RAMJobStore\n"
                + "org.quartz.jobStore.misfireThreshold = 500\n");
        Path config = dir.resolve("replica.properties");
        Files.writeString(config, "camel.component.quartz.properties-file = file:" + quartz + "\n");
        environment.put("CAMEL_MANAGEMENT_ENABLED", "true");
        environment.put("CAMEL_MANAGEMENT_HOST", "127.0.0.1");
        environment.put("CAMEL_MANAGEMENT_PORT", String.valueOf(ports[index]));
        return ChildProgram.start(dir, environment, "--config", config.toString(), "run");
    }

    /** What every replica (and {@code check}) is configured with; index: its J1 key and output. */
    private Map<String, String> environment(int index) {
        return Map.ofEntries(
                Map.entry("TELEPORT_ADDRESS", "sandbox"),
                Map.entry("J1_API_BASE_URL", J1.baseUrl()),
                Map.entry("J1_API_KEY", "replica-" + index),
                Map.entry("J1_ACCOUNT_ID", "replicas-test"),
                Map.entry("J1_JOB_POLL_INTERVAL_MS", "10"),
                Map.entry("SYNC_CRON", "*/" + TICK_SECONDS + " * * * * ?"),
                Map.entry("SYNC_STATE_DIR", dir.resolve("state").toString()),
                Map.entry("SYNC_DEAD_LETTER_DIR", dir.resolve("dead-letters").toString()),
                Map.entry("SYNC_OUTPUT_DIR", dir.resolve("output-" + index).toString()),
                Map.entry("HA_CLUSTER_SERVICE", "file"),
                Map.entry("HA_FILE_ROOT", dir.resolve("ha").toString()),
                Map.entry("HA_FILE_ACQUIRE_LOCK_INTERVAL_SECONDS", String.valueOf(LOCK_INTERVAL_SECONDS)));
    }

    /** The replica's health with details, from its management port. */
    private JsonNode health(int index) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ports[index] + "/observe/health?data=true")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no health check '" + name + "' in " + health);
    }

    private static int index(String authorization) {
        return Integer.parseInt(authorization.substring(authorization.lastIndexOf('-') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log of the replica whose J1 key is in {@code authorization} ("Bearer replica-N"). */
    private String log(String authorization) {
        return replicas.get(index(authorization)).output();
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teleportj1.delivery.LogCapture;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.SandboxSeed;
import org.teleportj1.sandbox.TeleportResources;

/**
 * {@code run} with change watching, against a sandbox over mutual TLS and a J1 stand-in over HTTP:
 * a change reaches J1 a quiet period (shortened here) after it happens, a burst of changes is one
 * run or two, and a cluster that may not watch keeps its schedule with one warning.
 */
class WatchSyncTest {
    private static final Path WORK = TestDirectories.create("watch-sync");
    private static final SandboxCluster CLUSTER = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("sandbox")));
    private static final Path ROUTES = ClusterFiles.write(WORK.resolve("routes"), Map.of("lab", CLUSTER)).getParent();
    private static final String KEYS = "teleport:" + SandboxOptions.DEFAULT_CLUSTER_NAME + ":";
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final J1StandIn j1 = new J1StandIn();
    private LogCapture log;
    private int test;

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @BeforeEach
    void capture() {
        log = LogCapture.attach();
        CLUSTER.behaviour(SandboxBehaviour.normal());
        CLUSTER.data().watches().refuseWith(null);
    }

    @AfterEach
    void stop() {
        log.detach();
        j1.close();
    }

    private RunModeApp start(String cron) {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.main.routes-include-pattern", ClusterFiles.includePattern(ROUTES));
        settings.put("teleport.address", CLUSTER.address());
        settings.put("teleport.identity-file", CLUSTER.identityFile().toString());
        settings.put("j1.api-base-url", j1.baseUrl());
        settings.put("j1.api-key", "api-key-for-test-only");
        settings.put("j1.account-id", "account-1");
        settings.put("sync.state-dir", WORK.resolve("state-" + System.nanoTime()).toString());
        settings.put("sync.watch.quiet-seconds", String.valueOf(QUIET.toSeconds()));
        settings.put("sync.watch.max-delay-seconds", "3");
        settings.put("j1.job.poll-interval-ms", "100");
        if (cron == null) {
            // no schedule at all: every run is the watch's
            settings.put("camel.component.quartz.auto-start-scheduler", "false");
        } else {
            settings.put("sync.cron", cron);
        }
        return RunModeApp.start(settings);
    }

    private static void awaitWatching() {
        RunModeApp.await("the sync watches the sandbox", Duration.ofSeconds(30),
                () -> CLUSTER.data().watches().open() == 1);
    }

    private List<J1StandIn.Job> finalized() {
        return j1.jobs().stream().filter(job -> job.finalizes.get() > 0 && "FINISHED".equals(job.status)).toList();
    }

    @Test
    void aUserAddedToAnAccessListReachesJupiterOneAQuietPeriodAndOneRunLater() throws Exception {
        try (RunModeApp app = start(null)) {
            awaitWatching();
            String user = "watch-new@example.com";
            long changed = System.nanoTime();
            CLUSTER.data().putUser(TeleportResources.user(user, List.of("access")).build());
            CLUSTER.data().putMember(TeleportResources.member(SandboxSeed.ENGINEERING, user,
                    TeleportResources.KIND_USER, java.time.Instant.now(), null).build());

            String membership = KEYS + "access_list:" + SandboxSeed.ENGINEERING + "|has|" + KEYS + "user:" + user;
            RunModeApp.await("a finalized job with the new membership", Duration.ofSeconds(30),
                    () -> finalized().stream().anyMatch(job -> job.relationshipKeys.contains(membership)));
            Duration took = Duration.ofNanos(System.nanoTime() - changed);

            J1StandIn.Job job = finalized().get(0);
            assertEquals(1, finalized().size(), "one run for both changes");
            assertTrue(job.relationshipKeys.stream().anyMatch(key -> key.startsWith(KEYS + "user:" + user + "|")
                            && key.contains("role:dev-db")),
                    "the effective role edge granted through the list: " + job.relationshipKeys.stream()
                            .filter(key -> key.contains(user)).toList());
            assertTrue(took.compareTo(QUIET) >= 0, "not before the quiet period: " + took);
            assertTrue(took.compareTo(QUIET.plusSeconds(20)) < 0, "a quiet period and one run: " + took);
            MeterRegistry meters = app.context().getRegistry().findSingleByType(MeterRegistry.class);
            // the run records its figures once the job's status poll saw it finished
            RunModeApp.await("one change-to-J1 figure", Duration.ofSeconds(20), () -> {
                Timer latency = meters.find("teleport.j1.change.to.j1").tag("cluster", "lab").timer();
                return latency != null && latency.count() == 1;
            });
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("Cluster 'lab': change to JupiterOne in")
                    && line.contains("triggered by the watch")), "the latency log line");
        }
    }

    @Test
    void aHundredChangesInQuickSuccessionAreAtMostTwoRuns() throws Exception {
        try (RunModeApp app = start(null)) {
            awaitWatching();
            String last = null;
            for (int i = 0; i < 100; i++) {
                last = String.format("burst-%03d@example.com", i);
                CLUSTER.data().putUser(TeleportResources.user(last, List.of("access")).build());
                Thread.sleep(10); // the burst's pace: 100 changes in about a second (10 s in the issue, time compressed)
            }
            String lastUser = KEYS + "user:" + last;
            RunModeApp.await("a finalized job with the last user of the burst", Duration.ofSeconds(40),
                    () -> finalized().stream().anyMatch(job -> job.entityKeys.contains(lastUser)));

            // the job with the last change started after it: no change is left for another run
            int runs = j1.jobs().size();
            assertTrue(runs >= 1 && runs <= 2, "runs for the burst: " + runs);
        }
    }

    @Test
    void scheduledAndChangeTriggeredRunsNeverOverlap() throws Exception {
        try (RunModeApp app = start("0/2 * * * * ?")) {
            awaitWatching();
            // changes every 300 ms for 6 s: change-triggered runs fall due while scheduled ones run
            for (int i = 0; i < 20; i++) {
                CLUSTER.data().putUser(TeleportResources.user("overlap-" + i + "@example.com", List.of("access")).build());
                Thread.sleep(300);
            }
            String last = KEYS + "user:overlap-19@example.com";
            RunModeApp.await("a finalized job with the last change", Duration.ofSeconds(40),
                    () -> finalized().stream().anyMatch(job -> job.entityKeys.contains(last)));
        }
        List<J1StandIn.Job> jobs = j1.jobs();
        assertTrue(jobs.size() >= 3, "scheduled and change-triggered runs: " + jobs.size());
        assertTrue(jobs.stream().allMatch(job -> job.othersOpen == 0), "a job started while another was open");
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("change to JupiterOne in")), "a latency figure");
        assertTrue(log.lines().stream().noneMatch(line -> line.contains("already being synced")), "no overlap refused");
    }

    @Test
    void aLostStreamIsOpenedAgainWithOneWarningAndASyncForWhatItMayHaveMissed() throws Exception {
        try (RunModeApp app = start(null)) {
            awaitWatching();
            CLUSTER.data().watches().closeAll(Status.UNAVAILABLE.withDescription("connection reset by the test"));

            RunModeApp.await("a sync after the watch is back", Duration.ofSeconds(30), () -> finalized().size() == 1);
            assertEquals(1, CLUSTER.data().watches().open(), "watching again");
        }
        assertEquals(2, CLUSTER.calls("WatchEvents"), "the first stream and the one after the break");
        List<String> warnings = log.lines().stream().filter(line -> line.startsWith("WARN")
                && line.contains("The watch of cluster 'lab'")).toList();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("reconnecting, first in 1 s"), warnings.get(0));
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("the watch resumed after a break")),
                "the sync says why it ran");
    }

    @Test
    void aWatchThatIsNotPermittedLeavesTheClusterOnItsScheduleWithOneWarning() throws Exception {
        // listing members needs access_list; watching them needs access_list_member itself
        CLUSTER.behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list_member"));
        try (RunModeApp app = start("0/1 * * * * ?")) {
            RunModeApp.await("two scheduled runs", Duration.ofSeconds(30), () -> finalized().size() >= 2);
        }
        List<String> warnings = log.lines().stream().filter(line -> line.startsWith("WARN")
                && line.contains("Not watching")).toList();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("cluster 'lab'") && warnings.get(0).contains("schedule only")
                && warnings.get(0).contains("verbs: [read]") && warnings.get(0).contains("access_list_member"),
                warnings.get(0));
        assertEquals(1, CLUSTER.calls("WatchEvents"), "not asked again");
    }

    @Test
    void aServerWithoutWatchEventsLeavesTheClusterOnItsScheduleWithOneWarning() throws Exception {
        CLUSTER.data().watches().refuseWith(Status.UNIMPLEMENTED.withDescription(
                "unknown method WatchEvents for service proto.AuthService"));
        try (RunModeApp app = start("0/1 * * * * ?")) {
            RunModeApp.await("two scheduled runs", Duration.ofSeconds(30), () -> finalized().size() >= 2);
        }
        List<String> warnings = log.lines().stream().filter(line -> line.startsWith("WARN")
                && line.contains("Not watching")).toList();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("does not support proto.AuthService/WatchEvents"), warnings.get(0));
    }
}

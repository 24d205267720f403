package org.teleportj1.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.teleportj1.app.AppOptions;
import org.teleportj1.app.Bootstrap;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxData;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.SandboxSize;
import org.teleportj1.sandbox.TeleportResources;

/**
 * The watch scenario (README: Performance): {@code run} with change watching at its shipped quiet
 * period and maximum delay, against a sandbox of N users and the J1 stand-in, all in this JVM (the
 * sandbox must be changed while the program runs). One change, then 100 changes in 10 s; for each
 * phase the runs it took and the change → J1 latency ({@code teleport.j1.change.to.j1}). Prints one
 * {@code BENCH-RESULT {json}} line. Arguments: users, then {@code key=value} settings.
 */
public final class WatchScenario {
    private WatchScenario() {
    }

    /** A finished sync run: when it started and finished. */
    private record Run(Instant started, Instant finished, String result) {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("bench-watch-");
        Map<String, Object> result = new LinkedHashMap<>();
        List<Run> runs = new CopyOnWriteArrayList<>();
        try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.defaults(dir.resolve("sandbox"))
                .withSize(SandboxSize.scaled(users)));
             BenchJ1StandIn j1 = new BenchJ1StandIn()) {
            Main main = Bootstrap.scheduledMain(AppOptions.none());
            main.addOverrideProperty("teleport.address", cluster.address());
            main.addOverrideProperty("teleport.identity-file", cluster.identityFile().toString());
            main.addOverrideProperty("teleport.connect-mode", "direct");
            main.addOverrideProperty("j1.api-base-url", j1.baseUrl());
            main.addOverrideProperty("j1.api-key", "bench-key");
            main.addOverrideProperty("j1.account-id", "bench-account");
            main.addOverrideProperty("sync.state-dir", dir.resolve("state").toString());
            main.addOverrideProperty("sync.dead-letter-dir", dir.resolve("dead-letters").toString());
            // no cron: every run is the watch's
            main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
            for (int i = 1; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                main.addOverrideProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            CamelContext context = start(main, runs);
            SandboxData data = cluster.data();
            await(() -> data.watches().open() == 1, 120);
            MeterRegistry meters = context.getRegistry().findSingleByType(MeterRegistry.class);

            result.put("users", data.userCount());
            result.put("oneChange", phase(data, runs, meters, 1, 0));
            result.put("hundredChangesIn10s", phase(data, runs, meters, 100, 100));
            main.completed();
        }
        System.out.println(PipelineScenario.RESULT + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    /** {@code changes} users added {@code pauseMillis} apart, then waits for the run that covers the last. */
    private static Map<String, Object> phase(SandboxData data, List<Run> runs, MeterRegistry meters, int changes,
                                             long pauseMillis) throws InterruptedException {
        int runsBefore = runs.size();
        Timer before = meters.find("teleport.j1.change.to.j1").timer();
        long countBefore = before == null ? 0 : before.count();
        double secondsBefore = before == null ? 0 : before.totalTime(TimeUnit.SECONDS);
        Instant first = Instant.now();
        Instant last = first;
        for (int i = 0; i < changes; i++) {
            last = Instant.now();
            data.putUser(TeleportResources.user("watch-bench-" + System.nanoTime() + "@example.com",
                    List.of("access")).build());
            if (pauseMillis > 0 && i < changes - 1) {
                Thread.sleep(pauseMillis);
            }
        }
        Instant lastChange = last;
        await(() -> runs.stream().skip(runsBefore).anyMatch(run -> run.started().isAfter(lastChange)), 900);
        Timer after = meters.find("teleport.j1.change.to.j1").timer();
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("changes", changes);
        phase.put("changesOverSeconds", (last.toEpochMilli() - first.toEpochMilli()) / 1000.0);
        List<Run> taken = new ArrayList<>(runs.subList(runsBefore, runs.size()));
        phase.put("runs", taken.size());
        phase.put("runResults", taken.stream().map(Run::result).toList());
        long count = after.count() - countBefore;
        phase.put("latencyFigures", count);
        phase.put("changeToJ1SecondsFirstRun", count == 0 ? null
                : round((after.totalTime(TimeUnit.SECONDS) - secondsBefore) / count));
        phase.put("firstChangeToLastRunFinishedSeconds",
                round((taken.get(taken.size() - 1).finished().toEpochMilli() - first.toEpochMilli()) / 1000.0));
        phase.put("runSeconds", taken.stream().map(run -> round((run.finished().toEpochMilli()
                - run.started().toEpochMilli()) / 1000.0)).toList());
        return phase;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static CamelContext start(Main main, List<Run> runs) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CamelContext[] context = new CamelContext[1];
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                context[0] = support.getCamelContext();
                started.countDown();
            }
        });
        main.configure().addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) {
                        if (event instanceof CamelEvent.ExchangeCompletedEvent
                                || event instanceof CamelEvent.ExchangeFailedEvent) {
                            SyncRun run = ((CamelEvent.ExchangeEvent) event).getExchange()
                                    .getProperty(SyncRun.PROPERTY, SyncRun.class);
                            if (run != null && run.finishedAt() != null) {
                                runs.add(new Run(run.startedAt(), run.finishedAt(), run.result().name()));
                            }
                        }
                    }
                });
            }
        });
        Thread thread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "watch-scenario-app");
        thread.setDaemon(true);
        thread.start();
        if (!started.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the application did not start");
        }
        return context[0];
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}

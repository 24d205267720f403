package org.teleportj1.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.teleportj1.run.SyncRun;

/**
 * The program's own Micrometer meters (Prometheus names in brackets), recorded at the end of each
 * run and, for gauges, computed at scrape time:
 * <ul>
 * <li>{@code teleport.j1.runs} [teleport_j1_runs_total{cluster,result}] and the timer
 *     {@code teleport.j1.run.duration} [teleport_j1_run_duration_seconds_*{cluster,result}]</li>
 * <li>{@code teleport.j1.objects} [teleport_j1_objects_total{cluster}],
 *     {@code teleport.j1.pages} [teleport_j1_pages_total{cluster,resource}],
 *     {@code teleport.j1.retries} [teleport_j1_retries_total{cluster}],
 *     {@code teleport.j1.dead.letters} [teleport_j1_dead_letters_total{cluster}]</li>
 * <li>gauges {@code teleport.j1.identity.expiry.seconds} [teleport_j1_identity_expiry_seconds{cluster}] (negative
 *     once expired), {@code teleport.j1.last.success.age.seconds} and
 *     {@code teleport.j1.last.success.timestamp.seconds} [{cluster}] (NaN before any success)</li>
 * <li>the timer {@code teleport.j1.change.to.j1} [teleport_j1_change_to_j1_seconds_*{cluster}]: in {@code run}
 *     mode, from the first change event a run covers to its finalized job (README: Watching for changes)</li>
 * </ul>
 * Without a MeterRegistry (camel.metrics.enabled=false) it records nothing, and without Micrometer
 * on the class path (a Karaf without it, README: Karaf) it never touches a Micrometer class.
 */
public class RunMetrics {
    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private final CamelContext context;
    private final SyncStatus status;
    private final ClusterIdentities identities;
    private final Clock clock;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public RunMetrics(CamelContext context, SyncStatus status, ClusterIdentities identities, Clock clock) {
        this.context = context;
        this.status = status;
        this.identities = identities;
        this.clock = clock;
    }

    /** Registers the per-cluster gauges, so they show before the first run. */
    public void registerGauges(List<ClusterRoute> clusters) {
        MeterRegistry registry = registry();
        if (registry == null) {
            return;
        }
        for (ClusterRoute cluster : clusters) {
            if (!gauged.add(cluster.cluster()) || registry.find("teleport.j1.identity.expiry.seconds")
                    .tag("cluster", cluster.cluster()).gauge() != null) {
                continue;
            }
            Gauge.builder("teleport.j1.identity.expiry.seconds", cluster, this::secondsToExpiry)
                    .description("Seconds until the cluster's Teleport identity expires (negative: expired)")
                    .tag("cluster", cluster.cluster()).register(registry);
            Gauge.builder("teleport.j1.last.success.age.seconds", cluster, c -> status.of(c.cluster())
                            .filter(s -> s.lastSuccessAt() != null)
                            .map(s -> (clock.millis() - s.lastSuccessAt().toEpochMilli()) / 1000.0).orElse(Double.NaN))
                    .description("Seconds since the cluster's last successful sync").tag("cluster", cluster.cluster())
                    .register(registry);
            Gauge.builder("teleport.j1.last.success.timestamp.seconds", cluster, c -> status.of(c.cluster())
                            .filter(s -> s.lastSuccessAt() != null)
                            .map(s -> s.lastSuccessAt().toEpochMilli() / 1000.0).orElse(Double.NaN))
                    .description("Time of the cluster's last successful sync (Unix seconds)")
                    .tag("cluster", cluster.cluster()).register(registry);
            Counter.builder("teleport.j1.dead.letters").description("Runs written, whole, to the dead-letter directory")
                    .tag("cluster", cluster.cluster()).register(registry);
        }
    }

    public void record(SyncRun run) {
        MeterRegistry registry = registry();
        if (registry == null) {
            return;
        }
        String cluster = run.cluster();
        String result = run.result().name().toLowerCase(Locale.ROOT);
        Counter.builder("teleport.j1.runs").description("Sync runs by result").tags("cluster", cluster, "result", result)
                .register(registry).increment();
        Timer.builder("teleport.j1.run.duration").description("Duration of sync runs")
                .tags("cluster", cluster, "result", result).register(registry).record(run.duration());
        Counter.builder("teleport.j1.objects").description("Graph objects emitted by runs").tag("cluster", cluster)
                .register(registry).increment(run.batcher().objectCount());
        Counter.builder("teleport.j1.retries").description("Retried requests (Teleport and JupiterOne)")
                .tag("cluster", cluster).register(registry).increment(run.retries());
        run.progress().totals().forEach((resource, read) -> Counter.builder("teleport.j1.pages")
                .description("Pages read from Teleport").tags("cluster", cluster, "resource", resource)
                .register(registry).increment(read.pages()));
    }

    /** A run delivered changes first seen {@code latency} before its job was finalized. */
    public void changeToJ1(String cluster, java.time.Duration latency) {
        MeterRegistry registry = registry();
        if (registry != null) {
            Timer.builder("teleport.j1.change.to.j1")
                    .description("From the first change event a run covers to its finalized job")
                    .tag("cluster", cluster).register(registry).record(latency);
        }
    }

    /** A run of {@code cluster} could not be delivered and was written, whole, to the dead-letter directory. */
    public void deadLettered(String cluster) {
        MeterRegistry registry = registry();
        if (registry != null) {
            Counter.builder("teleport.j1.dead.letters").description("Runs written, whole, to the dead-letter directory")
                    .tag("cluster", cluster).register(registry).increment();
        }
    }

    private double secondsToExpiry(ClusterRoute cluster) {
        return identities.read(cluster)
                .map(identity -> (identity.notAfter().toEpochMilli() - clock.millis()) / 1000.0)
                .orElse(Double.NaN);
    }

    private MeterRegistry registry() {
        return MICROMETER ? context.getRegistry().findSingleByType(MeterRegistry.class) : null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RunMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

package org.teleportj1.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.ops.ClusterRoute;
import org.teleportj1.ops.ConfiguredClusters;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.teleport.TeleportComponent;
import org.teleportj1.teleport.TeleportEndpoint;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.TeleportWatchConsumer;
import org.teleportj1.teleport.client.WatchEvent;

/**
 * The watch of one cluster, as a policy of its sync route: the {@code teleport:watch} consumer runs
 * while the route runs (so with replicas only the leader of the cluster watches: the route runs
 * only there), changes go to a {@link ChangeScheduler}, and a due run is the route's own run
 * started the way its Quartz trigger starts it, through the same steps, run lock and delivery.
 * Every run of the route, scheduled or not, passes {@link #onExchangeBegin}: one at a time, and
 * each covers the changes received before it began.
 */
public final class ClusterWatch extends RoutePolicySupport {
    /** Exchange property on runs this watch starts: {@value #WATCH}. */
    public static final String TRIGGER = "syncTrigger";
    public static final String WATCH = "watch";
    private static final String COVERED = "watchCoveredChange";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);

    private final WatchSettings settings;
    private final Clock clock;
    private final BiConsumer<String, Duration> latencies;
    private final ChangeScheduler scheduler;
    /** One run of this cluster at a time in this process, scheduled or watch-triggered. */
    private final Semaphore runSlot = new Semaphore(1);
    private Route route;
    private String cluster;
    private TeleportWatchConsumer consumer;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> due;
    /** The second the last run began in: run ids are its start to the second, so the next waits for a new one. */
    private long lastRunSecond = Long.MIN_VALUE;

    public ClusterWatch(WatchSettings settings, Clock clock, BiConsumer<String, Duration> latencies) {
        this.settings = settings;
        this.clock = clock;
        this.latencies = latencies;
        this.scheduler = new ChangeScheduler(settings.quiet(), settings.maxDelay());
    }

    @Override
    public void onInit(Route route) {
        this.route = route;
    }

    @Override
    public synchronized void onStart(Route route) {
        this.route = route;
        CamelContext context = route.getCamelContext();
        ClusterRoute described = ConfiguredClusters.of(context, route);
        cluster = described.cluster();
        TeleportEndpoint endpoint = context.getComponent("teleport", TeleportComponent.class)
                .endpoint(TeleportResource.WATCH, described.teleport());
        try {
            ServiceHelper.startService(endpoint);
            consumer = (TeleportWatchConsumer) endpoint.createConsumer(exchange ->
                    changed(exchange.getMessage().getBody(WatchEvent.class)));
            consumer.setLabel("cluster '" + cluster + "' (" + described.describe() + ")");
            timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "sync-watch-" + cluster);
            ServiceHelper.startService(consumer);
        } catch (Exception e) {
            LOG.warn("Cluster '{}' is not watched for changes and syncs on its schedule only: {}", cluster,
                    e.getMessage());
            stopWatching();
        }
    }

    @Override
    public void onStop(Route route) {
        stopWatching();
    }

    @Override
    public void onSuspend(Route route) {
        stopWatching();
    }

    @Override
    public void onRemove(Route route) {
        stopWatching();
    }

    private synchronized void stopWatching() {
        ServiceHelper.stopService(consumer);
        consumer = null;
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        if (timer != null) {
            route.getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
    }

    /** A change from the stream (a gRPC thread). */
    void changed(WatchEvent event) {
        if (event == null) {
            return;
        }
        synchronized (this) {
            scheduler.changed(clock.instant(), describe(event));
            LOG.debug("Cluster '{}': {}; next sync due at {}", cluster, describe(event), scheduler.dueAt().orElse(null));
            reschedule();
        }
    }

    private static String describe(WatchEvent event) {
        return switch (event.operation()) {
            case RESUMED -> "the watch resumed after a break";
            case PUT -> event.kind() + " '" + event.name() + "' put";
            case DELETE -> event.kind() + " '" + event.name() + "' deleted";
        };
    }

    private synchronized void reschedule() {
        if (due != null) {
            due.cancel(false);
            due = null;
        }
        Optional<Instant> at = scheduler.dueAt();
        if (at.isEmpty() || timer == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at.get()).toMillis());
        due = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
    }

    /** On the timer thread: the run itself, unless another run is in progress (its end reschedules). */
    private void fire() {
        if (!runSlot.tryAcquire()) {
            return;
        }
        Optional<ChangeScheduler.Change> covered;
        DefaultConsumer trigger;
        synchronized (this) {
            if (!scheduler.isDue(clock.instant()) || timer == null) {
                runSlot.release();
                reschedule();
                return;
            }
            covered = scheduler.runStarted();
            trigger = (DefaultConsumer) route.getConsumer();
        }
        LOG.info("Cluster '{}' changed ({}{}); syncing now", cluster, covered.map(ChangeScheduler.Change::what)
                .orElse("?"), covered.isPresent() ? ", first at " + covered.get().at() : "");
        nextRunSecond();
        Exchange exchange = trigger.createExchange(false);
        exchange.setProperty(TRIGGER, WATCH);
        exchange.setProperty(COVERED, covered.orElse(null));
        try {
            trigger.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            LOG.warn("The change-triggered sync of cluster '{}' failed: {}", cluster, exchange.getException().getMessage());
        }
    }

    /** Every run of the route: a scheduled one waits here while a watch-triggered one is in progress. */
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (WATCH.equals(exchange.getProperty(TRIGGER))) {
            return; // fire() holds the slot and started the scheduler's run
        }
        runSlot.acquireUninterruptibly();
        nextRunSecond();
        synchronized (this) {
            exchange.setProperty(COVERED, scheduler.runStarted().orElse(null));
        }
    }

    /** Holding the run slot: a run that follows another within the same second waits for the next one. */
    private void nextRunSecond() {
        long now = clock.millis();
        if (now / 1000 == lastRunSecond) {
            try {
                Thread.sleep(1000 - now % 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRunSecond = clock.millis() / 1000;
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        ChangeScheduler.Change covered = exchange.getProperty(COVERED, ChangeScheduler.Change.class);
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        synchronized (this) {
            scheduler.runEnded();
        }
        runSlot.release();
        boolean delivered = run != null && (run.result() == RunResult.SUCCEEDED || run.result() == RunResult.PARTIAL);
        if (covered != null && delivered) {
            Duration latency = Duration.between(covered.at(), run.finishedAt());
            LOG.info("Cluster '{}': change to {} in {} s (first change {} at {}; run {} {} at {}, {})", run.cluster(),
                    run.isDryRun() ? "dry-run output" : "JupiterOne", String.format("%.1f", latency.toMillis() / 1000.0),
                    covered.what(), covered.at(), run.runId(), run.isDryRun() ? "written" : "finalized",
                    run.finishedAt(), WATCH.equals(exchange.getProperty(TRIGGER)) ? "triggered by the watch"
                            : "a scheduled run");
            latencies.accept(run.cluster(), latency);
        } else if (covered != null) {
            // no retry loop against a failing J1 or cluster: the schedule is the retry
            LOG.warn("Cluster '{}': the run covering the change {} at {} did not deliver; the next scheduled run"
                    + " syncs it", cluster, covered.what(), covered.at());
        }
        reschedule();
    }
}

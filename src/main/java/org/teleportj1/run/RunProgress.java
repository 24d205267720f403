package org.teleportj1.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages and objects read per resource while a run goes on. Logs the first page of each resource,
 * then at most one line per {@link #LOG_INTERVAL} (a 100k-user cluster has hundreds of pages),
 * and a closing line when the run moves on to the next resource.
 */
public final class RunProgress {
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RunProgress.class);

    /** Totals of one resource; {@code nanos} from the end of the previous resource to its last page. */
    public record ResourceTotals(long pages, long items, long nanos) {
        public double perSecond() {
            return nanos <= 0 ? 0 : items * 1e9 / nanos;
        }
    }

    private final String cluster;
    private final LongSupplier nanoClock;
    private final Map<String, ResourceTotals> totals = new LinkedHashMap<>();
    private String current;
    private long currentStarted;
    private long lastPageAt;
    private long lastLogged;

    public RunProgress(String cluster) {
        this(cluster, System::nanoTime);
    }

    RunProgress(String cluster, LongSupplier nanoClock) {
        this.cluster = cluster;
        this.nanoClock = nanoClock;
        this.currentStarted = nanoClock.getAsLong();
        this.lastPageAt = currentStarted;
    }

    /** One page of {@code items} objects of {@code resource} was read. */
    public synchronized void page(String resource, int items) {
        long now = nanoClock.getAsLong();
        if (!resource.equals(current)) {
            finishCurrent();
            current = resource;
            // a resource's reading starts where the previous one's ended
            currentStarted = lastPageAt;
            lastLogged = now;
        }
        boolean first = !totals.containsKey(resource);
        lastPageAt = now;
        ResourceTotals before = totals.getOrDefault(resource, new ResourceTotals(0, 0, 0));
        ResourceTotals after = new ResourceTotals(before.pages() + 1, before.items() + items, now - currentStarted);
        totals.put(resource, after);
        if (first || now - lastLogged >= LOG_INTERVAL.toNanos()) {
            lastLogged = now;
            LOG.info("Cluster '{}': {} page {}, {} so far ({} /s)", cluster, resource, after.pages(), after.items(),
                    Math.round(after.perSecond()));
        }
    }

    /** Logs the closing line of the resource being read; call when the reading is over. */
    public synchronized void finish() {
        finishCurrent();
        current = null;
    }

    private void finishCurrent() {
        if (current != null) {
            ResourceTotals done = totals.get(current);
            if (done.pages() > 1) {
                LOG.info("Cluster '{}': read {} {} in {} pages, {} ms ({} /s)", cluster, done.items(), current,
                        done.pages(), TimeUnit.NANOSECONDS.toMillis(done.nanos()), Math.round(done.perSecond()));
            }
        }
    }

    public synchronized Map<String, ResourceTotals> totals() {
        return new LinkedHashMap<>(totals);
    }

    public synchronized long pages() {
        return totals.values().stream().mapToLong(ResourceTotals::pages).sum();
    }
}

package org.teleportj1.app;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.teleportj1.ops.RunMetrics;
import org.teleportj1.watch.ClusterWatches;
import org.teleportj1.watch.WatchSettings;

/**
 * {@code run} only: every cluster's sync route also runs soon after the cluster changes
 * (README: Watching for changes). The one-shot commands never watch.
 */
public final class ChangeWatching implements CamelConfiguration {
    static final String ENABLED = "sync.watch.enabled";
    static final String QUIET = "sync.watch.quiet-seconds";
    static final String MAX_DELAY = "sync.watch.max-delay-seconds";

    @Override
    public void configure(CamelContext context) {
        WatchSettings settings = read(new SettingReader(context.getPropertiesComponent()));
        if (!settings.enabled()) {
            return;
        }
        context.addRoutePolicyFactory(new ClusterWatches(settings, Clock.systemUTC(), (cluster, latency) -> {
            RunMetrics metrics = context.getRegistry().findSingleByType(RunMetrics.class);
            if (metrics != null) {
                metrics.changeToJ1(cluster, latency);
            }
        }));
    }

    static WatchSettings read(SettingReader settings) {
        boolean enabled = settings.bool(ENABLED);
        long maxDelay = settings.number(MAX_DELAY, 1);
        long quiet = settings.number(QUIET, 0, maxDelay);
        return new WatchSettings(enabled, Duration.ofSeconds(quiet), Duration.ofSeconds(maxDelay));
    }
}

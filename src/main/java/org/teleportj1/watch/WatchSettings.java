package org.teleportj1.watch;

import java.time.Duration;

/**
 * Change-triggered syncs in {@code run} mode (README: Watching for changes).
 *
 * @param enabled  whether clusters are watched at all
 * @param quiet    a run starts this long after the last change ({@code sync.watch.quiet-seconds})
 * @param maxDelay but at most this long after the first ({@code sync.watch.max-delay-seconds})
 */
public record WatchSettings(boolean enabled, Duration quiet, Duration maxDelay) {
}

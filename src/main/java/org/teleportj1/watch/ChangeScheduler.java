package org.teleportj1.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a cluster's next change-triggered run is due (README: Watching for changes): after a quiet
 * period without changes, but at most a maximum delay after the first change; never while a run
 * (watch-triggered or scheduled) is in progress. A run covers every change received before it
 * started; changes during a run wait for one follow-up run. Pure: the caller passes the time.
 * Not thread-safe; {@link ClusterWatch} serialises the calls.
 */
final class ChangeScheduler {
    /** The first change a run covers, for the change → J1 latency. */
    record Change(Instant at, String what) {
    }

    private final Duration quiet;
    private final Duration maxDelay;
    private Change first;
    private Instant last;
    private boolean running;

    ChangeScheduler(Duration quiet, Duration maxDelay) {
        if (quiet.isNegative() || maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("the quiet period (" + quiet + ") must be at least 0 and at most the"
                    + " maximum delay (" + maxDelay + ")");
        }
        this.quiet = quiet;
        this.maxDelay = maxDelay;
    }

    void changed(Instant at, String what) {
        if (first == null) {
            first = new Change(at, what);
        }
        last = at;
    }

    /** When the pending changes should be synced; empty when none are pending or a run is in progress. */
    Optional<Instant> dueAt() {
        if (running || first == null) {
            return Optional.empty();
        }
        Instant afterQuiet = last.plus(quiet);
        Instant latest = first.at().plus(maxDelay);
        return Optional.of(afterQuiet.isBefore(latest) ? afterQuiet : latest);
    }

    boolean isDue(Instant now) {
        return dueAt().map(due -> !due.isAfter(now)).orElse(false);
    }

    boolean running() {
        return running;
    }

    /** A run starts: it covers the pending changes. Returns the first of them, if any. */
    Optional<Change> runStarted() {
        if (running) {
            throw new IllegalStateException("a run is already in progress");
        }
        running = true;
        Change covered = first;
        first = null;
        last = null;
        return Optional.ofNullable(covered);
    }

    void runEnded() {
        running = false;
    }
}

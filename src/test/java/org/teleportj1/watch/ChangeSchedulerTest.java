package org.teleportj1.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final ChangeScheduler scheduler = new ChangeScheduler(Duration.ofSeconds(15), Duration.ofSeconds(60));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void nothingIsDueWithoutChanges() {
        assertEquals(Optional.empty(), scheduler.dueAt());
        assertFalse(scheduler.isDue(at(1000)));
    }

    @Test
    void oneChangeIsDueAfterTheQuietPeriod() {
        scheduler.changed(at(0), "user bob");

        assertEquals(Optional.of(at(15)), scheduler.dueAt());
        assertFalse(scheduler.isDue(at(14)));
        assertTrue(scheduler.isDue(at(15)));
    }

    @Test
    void everyChangeRestartsTheQuietPeriod() {
        scheduler.changed(at(0), "a");
        scheduler.changed(at(10), "b");

        assertEquals(Optional.of(at(25)), scheduler.dueAt());
    }

    @Test
    void aSteadyStreamOfChangesIsSyncedAtTheMaximumDelayAfterTheFirst() {
        for (int second = 0; second <= 100; second += 5) {
            scheduler.changed(at(second), "change " + second);
        }

        assertEquals(Optional.of(at(60)), scheduler.dueAt());
    }

    @Test
    void aRunCoversThePendingChangesAndReportsTheFirst() {
        scheduler.changed(at(0), "first");
        scheduler.changed(at(3), "second");

        Optional<ChangeScheduler.Change> covered = scheduler.runStarted();

        assertEquals(Optional.of(new ChangeScheduler.Change(at(0), "first")), covered);
        assertTrue(scheduler.running());
        scheduler.runEnded();
        assertEquals(Optional.empty(), scheduler.dueAt(), "nothing left after the run");
    }

    @Test
    void changesDuringARunWaitForOneFollowUpRun() {
        scheduler.changed(at(0), "before");
        scheduler.runStarted();
        scheduler.changed(at(20), "during 1");
        scheduler.changed(at(30), "during 2");

        assertEquals(Optional.empty(), scheduler.dueAt(), "never while a run is in progress");
        scheduler.runEnded();

        assertEquals(Optional.of(at(45)), scheduler.dueAt(), "one follow-up run after the quiet period");
        assertEquals(Optional.of(new ChangeScheduler.Change(at(20), "during 1")), scheduler.runStarted());
    }

    @Test
    void aFollowUpPastItsMaximumDelayIsDueAtOnceWhenTheRunEnds() {
        scheduler.runStarted();
        scheduler.changed(at(0), "during");
        scheduler.changed(at(70), "still during");
        scheduler.runEnded();

        assertTrue(scheduler.isDue(at(71)), "the maximum delay of the first change has passed");
    }

    @Test
    void aScheduledRunCoversChangesToo() {
        scheduler.changed(at(0), "a");
        // a cron run starts before the quiet period ends: it reads the change
        assertEquals("a", scheduler.runStarted().orElseThrow().what());
        scheduler.runEnded();
        assertEquals(Optional.empty(), scheduler.dueAt());
    }

    @Test
    void twoRunsAtOnceAreRefused() {
        scheduler.runStarted();
        assertThrows(IllegalStateException.class, scheduler::runStarted);
    }

    @Test
    void aQuietPeriodLongerThanTheMaximumDelayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ChangeScheduler(Duration.ofSeconds(61), Duration.ofSeconds(60)));
    }
}

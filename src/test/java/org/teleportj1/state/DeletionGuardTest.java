package org.teleportj1.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeletionGuardTest {
    private final DeletionGuard guard = new DeletionGuard(20);

    private static Optional<LastSuccess> last(long objects) {
        return Optional.of(new LastSuccess("20260101T000000Z", "job-1", Instant.EPOCH, Instant.EPOCH, objects, Map.of()));
    }

    @Test
    void tripsOnAFiftyPercentShrinkWithTheFiguresAndTheWayOut() {
        String reason = guard.trips("prod", last(1000), 500).orElseThrow();
        assertTrue(reason.contains("from 1000 to 500 objects (-50.0%)"), reason);
        assertTrue(reason.contains("delete 500 objects"), reason);
        assertTrue(reason.contains("SYNC_DELETION_GUARD_ALLOW_SHRINK"), reason);
    }

    @Test
    void letsSmallShrinksGrowthAndFirstRunsThrough() {
        assertEquals(Optional.empty(), guard.trips("prod", last(1000), 950), "5%");
        assertEquals(Optional.empty(), guard.trips("prod", last(1000), 800), "exactly 20%");
        assertTrue(guard.trips("prod", last(1000), 799).isPresent(), "just over 20%");
        assertEquals(Optional.empty(), guard.trips("prod", last(1000), 5000), "growth");
        assertEquals(Optional.empty(), guard.trips("prod", Optional.empty(), 0), "no earlier run");
    }

    @Test
    void zeroPercentRefusesAnyShrink() {
        assertTrue(new DeletionGuard(0).trips("prod", last(1000), 999).isPresent());
    }
}

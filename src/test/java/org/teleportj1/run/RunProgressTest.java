package org.teleportj1.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pages, objects and rate per resource, each resource timed from the end of the previous one. */
class RunProgressTest {

    @Test
    void countsPagesAndObjectsPerResourceWithTheirRate() {
        AtomicLong now = new AtomicLong();
        RunProgress progress = new RunProgress("lab", now::get);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.page("roles", 10);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.page("users", 100);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.page("users", 100);
        progress.finish();

        assertEquals(List.of("roles", "users"), List.copyOf(progress.totals().keySet()));
        RunProgress.ResourceTotals roles = progress.totals().get("roles");
        assertEquals(1, roles.pages());
        assertEquals(10, roles.items());
        assertEquals(10.0, roles.perSecond(), 0.001);
        RunProgress.ResourceTotals users = progress.totals().get("users");
        assertEquals(2, users.pages());
        assertEquals(200, users.items());
        assertEquals(100.0, users.perSecond(), 0.001, "two seconds since the roles ended");
        assertEquals(3, progress.pages());
    }
}

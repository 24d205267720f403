package org.teleportj1.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.client.TeleportException;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.SyncRun;

class PartialDatasetsTest {
    private final SyncRun run = new SyncRun("default", null, DeliveryMode.DRY_RUN,
            new GraphBatcher(new BatchLimits(5_000_000, 10_000)), Instant.now());

    @Test
    void offRethrowsTheFailureUnchanged() {
        TeleportException denied = new TeleportException("denied");
        Exception thrown = assertThrows(Exception.class,
                () -> new PartialDatasets(false).resourceFailed(failed(denied), "accessLists"));
        assertSame(denied, thrown);
        assertTrue(run.delivery().partialTypes().isEmpty());
    }

    @Test
    void onRecordsTheResourceAndItsTypes() throws Exception {
        new PartialDatasets(true).resourceFailed(failed(new TeleportException("denied")), "accessListReviews");
        assertEquals("denied", run.partialResources().get("accessListReviews"));
        assertEquals(PartialTypes.of(TeleportResource.ACCESS_LIST_REVIEWS), run.delivery().partialTypes());
        assertTrue(run.isPartial());
    }

    @Test
    void usersAndFailuresOfOurOwnAlwaysAbort() {
        PartialDatasets on = new PartialDatasets(true);
        assertThrows(TeleportException.class, () -> on.resourceFailed(failed(new TeleportException("denied")), "users"));
        IllegalStateException ours = new IllegalStateException("mapping bug");
        assertSame(ours, assertThrows(Exception.class, () -> on.resourceFailed(failed(ours), "roles")));
        assertTrue(run.delivery().partialTypes().isEmpty());
    }

    private Exchange failed(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(SyncRun.PROPERTY, run);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        return exchange;
    }
}

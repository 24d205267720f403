package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadAheadPagesTest {

    /** Pages 1..n; each fetch is recorded, and a fetch may wait for the test to let it through. */
    private static final class Listing implements Iterator<List<Integer>> {
        final int pages;
        final List<Integer> fetched = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        volatile CountDownLatch gate;
        final CountDownLatch[] started;
        RuntimeException failAt;
        int failPage;
        int next = 1;

        Listing(int pages) {
            this.pages = pages;
            started = new CountDownLatch[pages + 2];
            for (int i = 0; i < started.length; i++) {
                started[i] = new CountDownLatch(1);
            }
        }

        @Override
        public synchronized boolean hasNext() {
            return next <= pages;
        }

        @Override
        public List<Integer> next() {
            int page;
            synchronized (this) {
                page = next++;
                fetched.add(page);
                threads.add(Thread.currentThread().getName());
            }
            started[page].countDown();
            CountDownLatch wait = gate;
            if (wait != null) {
                try {
                    wait.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failAt != null && page == failPage) {
                throw failAt;
            }
            return List.of(page);
        }
    }

    @Test
    void givesEveryPageInOrderThenEnds() {
        Listing listing = new Listing(5);
        ReadAheadPages<Integer> pages = new ReadAheadPages<>(listing);
        List<Integer> seen = new ArrayList<>();
        while (pages.hasNext()) {
            seen.addAll(pages.next());
        }
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
        assertFalse(pages.hasNext());
        assertThrows(NoSuchElementException.class, pages::next);
        assertTrue(listing.threads.stream().allMatch(name -> name.startsWith("teleport-read-ahead-")));
    }

    @Test
    void fetchesNothingBeforeTheFirstPageIsAskedFor() {
        Listing listing = new Listing(3);
        new ReadAheadPages<>(listing);
        synchronized (listing) {
            assertEquals(List.of(), listing.fetched);
        }
    }

    @Test
    void theNextPageIsFetchedWhileTheCallerStillHoldsThisOne() throws InterruptedException {
        Listing listing = new Listing(3);
        ReadAheadPages<Integer> pages = new ReadAheadPages<>(listing);
        assertEquals(List.of(1), pages.next());
        // the caller has not asked again, yet page 2 is on its way
        assertTrue(listing.started[2].await(10, TimeUnit.SECONDS), "page 2 was not fetched ahead");
        synchronized (listing) {
            assertEquals(List.of(1, 2), listing.fetched, "only one page ahead");
        }
        assertEquals(List.of(2), pages.next());
    }

    @Test
    void askingWhetherThereIsMoreRightAfterTakingAPageKeepsAPageOnItsWay() throws InterruptedException {
        // Camel's splitter: next(), then hasNext() to mark the last page, then it maps the page it took
        Listing listing = new Listing(4);
        ReadAheadPages<Integer> pages = new ReadAheadPages<>(listing);
        assertEquals(List.of(1), pages.next());
        assertTrue(pages.hasNext());
        // the caller still maps page 1 and page 2 is ready, yet page 3 is on its way
        assertTrue(listing.started[3].await(10, TimeUnit.SECONDS), "page 3 was not fetched ahead");
        synchronized (listing) {
            assertEquals(List.of(1, 2, 3), listing.fetched, "only one page beyond the ready one");
        }
        assertEquals(List.of(2), pages.next());
        assertTrue(pages.hasNext());
        assertEquals(List.of(3), pages.next());
        assertTrue(pages.hasNext());
        assertEquals(List.of(4), pages.next());
        assertFalse(pages.hasNext());
    }

    @Test
    void aFailedFetchIsThrownUnchangedWhenItsPageIsAskedFor() throws InterruptedException {
        Listing listing = new Listing(4);
        RpcFailure failure = new RpcFailure("ListUsers", io.grpc.Status.UNAVAILABLE.withDescription("gone").asRuntimeException());
        listing.failAt = failure;
        listing.failPage = 2;
        ReadAheadPages<Integer> pages = new ReadAheadPages<>(listing);
        assertEquals(List.of(1), pages.next());
        assertTrue(listing.started[2].await(10, TimeUnit.SECONDS));
        RpcFailure thrown = assertThrows(RpcFailure.class, pages::hasNext);
        assertSame(failure, thrown);
        assertFalse(pages.hasNext(), "a failed listing stays failed");
        synchronized (listing) {
            assertEquals(List.of(1, 2), listing.fetched, "nothing is fetched after the failure");
        }
    }

    @Test
    void aCallerWaitsForAPageThatIsStillOnItsWay() throws InterruptedException {
        Listing listing = new Listing(2);
        listing.gate = new CountDownLatch(1);
        ReadAheadPages<Integer> pages = new ReadAheadPages<>(listing);
        Thread release = new Thread(() -> {
            try {
                listing.started[1].await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listing.gate.countDown();
        });
        release.start();
        assertEquals(List.of(1), pages.next());
        release.join();
        listing.gate = null;
        assertEquals(List.of(2), pages.next());
        assertFalse(pages.hasNext());
    }
}

package org.teleportj1.teleport.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.teleportj1.concurrent.Background;

/**
 * A listing's pages, read ahead: while the caller maps page N, the next page is already being
 * fetched on a reader thread, so Teleport's answer time overlaps the mapping instead of adding to
 * it (docs/teleport-api.md §1.1). Camel's splitter asks {@code hasNext()} right after each
 * {@code next()}, before it maps the page it took (to mark the last one), so answering it must not
 * use up the read-ahead: as soon as a page is ready, the one after it is sent for. At most three
 * pages are in memory: the caller's, the ready one and the one arriving. The first page is fetched
 * only when it is asked for, and the listing's own iterator is only ever used by one fetch at a
 * time. A failed fetch is thrown to the caller, unchanged, when it asks for that page.
 */
final class ReadAheadPages<T> implements Iterator<List<T>> {
    private static final ExecutorService READERS = Background.threads("teleport-read-ahead");

    private final Iterator<List<T>> pages;
    private Future<List<T>> pending;
    private List<T> ready;
    private boolean finished;

    ReadAheadPages(Iterator<List<T>> pages) {
        this.pages = pages;
    }

    @Override
    public boolean hasNext() {
        if (ready == null && !finished) {
            if (pending == null) {
                pending = fetch();
            }
            ready = await(pending);
            finished = ready == null;
            pending = finished ? null : fetch();
        }
        return ready != null;
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<T> page = ready;
        ready = null;
        return page;
    }

    /** The next page, or null after the last one. */
    private Future<List<T>> fetch() {
        return READERS.submit(() -> pages.hasNext() ? pages.next() : null);
    }

    private List<T> await(Future<List<T>> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            finished = true;
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            finished = true;
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new TeleportException("interrupted while waiting for a page from Teleport");
        }
    }
}

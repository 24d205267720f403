package org.teleportj1.teleport.client;

import io.grpc.Status;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lazy pages of one token-paged RPC: the next page is fetched only when the caller asks for it.
 * Sends an explicit page size (older servers mishandle 0), halves it and retries the same token on
 * RESOURCE_EXHAUSTED (a page larger than the message limit), and stops with an error when the
 * server hands out a token it already gave (a loop that would never end).
 */
final class PagedListing<T> implements Iterator<List<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(PagedListing.class);

    /** One page: items and the token of the next page ("" at the end). */
    record Page<T>(List<T> items, String nextToken) {
    }

    /** Fetches the page at {@code token} of at most {@code pageSize} items. */
    @FunctionalInterface
    interface PageSource<T> {
        Page<T> fetch(String token, int pageSize);
    }

    private final String what;
    private final PageSource<T> source;
    private final Set<String> seenTokens = new HashSet<>();
    private int pageSize;
    private String token = "";
    private boolean finished;
    private List<T> ready;

    PagedListing(String what, int pageSize, PageSource<T> source) {
        this.what = what;
        this.pageSize = pageSize;
        this.source = source;
    }

    int pageSize() {
        return pageSize;
    }

    @Override
    public boolean hasNext() {
        while (ready == null && !finished) {
            Page<T> page = fetch();
            String next = page.nextToken() == null ? "" : page.nextToken();
            if (next.isEmpty()) {
                finished = true;
            } else if (!seenTokens.add(next)) {
                finished = true;
                throw new TeleportException("Teleport returned the page token '" + next + "' twice while listing "
                        + what + "; stopping instead of looping forever. This is a Teleport server bug: upgrade the"
                        + " cluster or report it; the sync can be retried.");
            }
            token = next;
            if (!page.items().isEmpty()) {
                ready = page.items();
            }
        }
        return ready != null;
    }

    private Page<T> fetch() {
        while (true) {
            try {
                return source.fetch(token, pageSize);
            } catch (RpcFailure e) {
                if (e.code() != Status.Code.RESOURCE_EXHAUSTED || pageSize <= 1) {
                    throw e;
                }
                pageSize = Math.max(1, pageSize / 2);
                LOG.warn("Teleport refused a page of {} ({}); retrying the same page with page size {}", what,
                        e.status().getDescription(), pageSize);
            }
        }
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
}

package org.teleportj1.teleport.client;

import io.grpc.Status;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preferred listing, or — if the server answers its first call with UNIMPLEMENTED (too old) —
 * the legacy one. Decided on the first page only, so no page is ever delivered twice.
 */
final class FallbackPages<T> implements Iterator<List<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackPages.class);

    private final Supplier<Iterator<List<T>>> fallback;
    private final String description;
    private Iterator<List<T>> current;
    private boolean decided;

    FallbackPages(Iterator<List<T>> preferred, Supplier<Iterator<List<T>>> fallback, String description) {
        this.current = preferred;
        this.fallback = fallback;
        this.description = description;
    }

    @Override
    public boolean hasNext() {
        if (decided) {
            return current.hasNext();
        }
        try {
            boolean more = current.hasNext();
            decided = true;
            return more;
        } catch (RpcFailure e) {
            if (e.code() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
            LOG.info("Teleport does not implement {}; falling back to {}", e.method(), description);
            decided = true;
            current = fallback.get();
            return current.hasNext();
        }
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}

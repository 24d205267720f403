package org.teleportj1.teleport.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Pages from unpaged calls, one call per page, made only when the page is asked for: for resources
 * Teleport lists in one answer (locks, SSO connectors of each kind). Empty answers are skipped.
 */
final class CallPages<T> implements Iterator<List<T>> {
    private final Iterator<Supplier<List<? extends T>>> calls;
    private List<T> ready;

    CallPages(List<Supplier<List<? extends T>>> calls) {
        this.calls = calls.iterator();
    }

    @Override
    public boolean hasNext() {
        while (ready == null && calls.hasNext()) {
            List<? extends T> page = calls.next().get();
            if (!page.isEmpty()) {
                ready = new ArrayList<>(page);
            }
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
}

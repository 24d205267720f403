package org.teleportj1.teleport.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An all-lists listing whose pages are checked ({@link AllListsPageCheck}); on the first
 * violation it switches, once, to the per-list path and delivers from it only what the checked
 * pages had not delivered (keys after the last one delivered). {@code onSwitch} gets what was
 * wrong.
 */
final class SelfCheckingPages<T> implements Iterator<List<T>> {
    private final Iterator<List<T>> preferred;
    private final AllListsPageCheck<T> check;
    private final Supplier<Iterator<List<T>>> perList;
    private final Function<T, String> keyOf;
    private final Consumer<String> onSwitch;
    private Iterator<List<T>> fallback;
    private String delivered;
    private List<T> ready;

    SelfCheckingPages(Iterator<List<T>> preferred, AllListsPageCheck<T> check, Supplier<Iterator<List<T>>> perList,
                      Function<T, String> keyOf, Consumer<String> onSwitch) {
        this.preferred = preferred;
        this.check = check;
        this.perList = perList;
        this.keyOf = keyOf;
        this.onSwitch = onSwitch;
    }

    /** The page source for {@code preferred}: checks each page before it is handed on. */
    static <T> PagedListing.PageSource<T> checked(PagedListing.PageSource<T> source, AllListsPageCheck<T> check) {
        return (token, size) -> {
            PagedListing.Page<T> page = source.fetch(token, size);
            check.check(page.items(), page.nextToken());
            return page;
        };
    }

    @Override
    public boolean hasNext() {
        if (ready != null) {
            return true;
        }
        if (fallback == null) {
            try {
                return preferred.hasNext();
            } catch (ListingViolation violation) {
                delivered = check.lastKey();
                fallback = perList.get();
                onSwitch.accept(violation.getMessage());
            }
        }
        while (ready == null && fallback.hasNext()) {
            List<T> page = delivered == null ? fallback.next()
                    : fallback.next().stream().filter(item -> keyOf.apply(item).compareTo(delivered) > 0).toList();
            if (!page.isEmpty()) {
                ready = page;
            }
        }
        return ready != null;
    }

    @Override
    public List<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (fallback == null) {
            return preferred.next();
        }
        List<T> page = ready;
        ready = null;
        return page;
    }
}

package org.teleportj1.teleport.client;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The paging contract of ListAllAccessListMembers / ListAllAccessListReviews, checked page by page
 * (docs/teleport-api.md §7): items come in strictly increasing key order {@code <list>/<name>}
 * across pages (so none twice and each page moves past the last), the next token is the key of the
 * next page's first item (so it has the {@code <list>/} form and sorts after the page), and each
 * item's list exists when the lists are known.
 */
final class AllListsPageCheck<T> {
    private final Function<T, String> keyOf;
    private final Predicate<String> listExists;
    private String lastKey;

    /** {@code listExists} answers true for every name when the lists are not known. */
    AllListsPageCheck(Function<T, String> keyOf, Predicate<String> listExists) {
        this.keyOf = keyOf;
        this.listExists = listExists;
    }

    /** Throws {@link ListingViolation} unless the page keeps the contract; then remembers its last key. */
    void check(List<T> items, String nextToken) {
        String previous = lastKey;
        for (T item : items) {
            String key = keyOf.apply(item);
            if (previous != null && key.compareTo(previous) <= 0) {
                throw new ListingViolation("the page does not move past '" + previous + "' (it holds '" + key + "')");
            }
            String list = key.substring(0, Math.max(0, key.indexOf('/')));
            if (!listExists.test(list)) {
                throw new ListingViolation("'" + key + "' belongs to access list '" + list + "', which was not listed");
            }
            previous = key;
        }
        if (nextToken != null && !nextToken.isEmpty()) {
            if (nextToken.indexOf('/') <= 0) {
                throw new ListingViolation("the next token '" + nextToken + "' lacks the '<access list>/' prefix");
            }
            if (previous != null && nextToken.compareTo(previous) <= 0) {
                throw new ListingViolation("the next token '" + nextToken + "' does not advance past '" + previous + "'");
            }
        }
        lastKey = previous;
    }

    /** Key of the last item of the last page that kept the contract; null before any. */
    String lastKey() {
        return lastKey;
    }
}

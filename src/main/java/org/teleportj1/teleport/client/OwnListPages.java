package org.teleportj1.teleport.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The page source of one access list's members or reviews, made safe against older servers
 * (docs/teleport-api.md §7): keeps only entries of the requested list and ends the listing at the
 * first entry of another list (pages of older releases run on past the list), drops
 * entries already returned, and strips the list prefix some servers put in front of the token
 * (they add it again, so {@code <list>/<list>/<name>} would resume at the wrong place).
 */
final class OwnListPages<T> implements PagedListing.PageSource<T> {
    private final String list;
    private final PagedListing.PageSource<T> source;
    private final Function<T, String> listOf;
    private final Function<T, String> nameOf;
    private final ServerQuirks quirks;
    private final Set<String> seen = new HashSet<>();

    OwnListPages(String list, PagedListing.PageSource<T> source, Function<T, String> listOf,
                 Function<T, String> nameOf, ServerQuirks quirks) {
        this.list = list;
        this.source = source;
        this.listOf = listOf;
        this.nameOf = nameOf;
        this.quirks = quirks;
    }

    @Override
    public PagedListing.Page<T> fetch(String token, int pageSize) {
        PagedListing.Page<T> page = source.fetch(token, pageSize);
        List<T> own = new ArrayList<>(page.items().size());
        for (T item : page.items()) {
            if (!list.equals(listOf.apply(item))) {
                quirks.detected(ListingQuirk.PER_LIST_RUNS_ON, "access list '" + list + "' returned an entry of '"
                        + listOf.apply(item) + "'");
                return new PagedListing.Page<>(own, "");
            }
            if (seen.add(nameOf.apply(item))) {
                own.add(item);
            }
        }
        String next = page.nextToken() == null ? "" : page.nextToken();
        String prefix = list + "/";
        return new PagedListing.Page<>(own, next.startsWith(prefix) ? next.substring(prefix.length()) : next);
    }
}

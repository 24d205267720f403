package org.teleportj1.teleport.client;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.teleportj1.proto.accesslist.v1.AccessList;

/**
 * The access list names of this client's last complete ListAccessLists, so that the all-lists
 * listings can check that each entry's list exists; unknown until one listing has completed.
 */
final class KnownAccessLists {
    private volatile Set<String> names;

    /** The pages of {@code lists}, remembering the names once the last page has been read. */
    Iterator<List<AccessList>> recording(Iterator<List<AccessList>> lists) {
        Set<String> collected = ConcurrentHashMap.newKeySet();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = lists.hasNext();
                if (!more) {
                    names = Set.copyOf(collected);
                }
                return more;
            }

            @Override
            public List<AccessList> next() {
                List<AccessList> page = lists.next();
                page.forEach(list -> collected.add(list.getHeader().getMetadata().getName()));
                return page;
            }
        };
    }

    /** True for a listed name, and for every name while no listing has completed. */
    Predicate<String> exists() {
        Set<String> known = names;
        return known == null ? name -> true : known::contains;
    }
}

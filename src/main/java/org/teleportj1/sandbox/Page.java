package org.teleportj1.sandbox;

import java.util.List;

/**
 * One page taken from a {@link ResourceTable}.
 *
 * @param items   the resources of the page, in key order
 * @param lastKey key of the last item, null when the page is empty
 * @param nextKey key of the first item not included, null when nothing follows
 */
record Page<T>(List<T> items, String lastKey, String nextKey) {
    boolean hasMore() {
        return nextKey != null;
    }
}

package org.teleportj1.teleport.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Pages cut from an item iterator, e.g. the GetUsers server stream: items are pulled one by one,
 * so only one page is held at a time.
 */
final class ChunkedPages<T> implements Iterator<List<T>> {
    private final Iterator<T> items;
    private final int pageSize;

    ChunkedPages(Iterator<T> items, int pageSize) {
        this.items = items;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public List<T> next() {
        if (!items.hasNext()) {
            throw new NoSuchElementException();
        }
        List<T> page = new ArrayList<>(Math.min(pageSize, 1024));
        while (page.size() < pageSize && items.hasNext()) {
            page.add(items.next());
        }
        return page;
    }
}

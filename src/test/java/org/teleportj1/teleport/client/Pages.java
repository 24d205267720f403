package org.teleportj1.teleport.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** Test helper: drains a page iterator. */
final class Pages {
    private Pages() {
    }

    static <T> List<T> drain(Iterator<List<T>> pages) {
        List<T> all = new ArrayList<>();
        pages.forEachRemaining(all::addAll);
        return all;
    }

    static <T> List<String> names(Iterator<List<T>> pages, Function<T, String> name) {
        return drain(pages).stream().map(name).toList();
    }
}

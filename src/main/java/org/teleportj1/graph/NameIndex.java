package org.teleportj1.graph;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Names in the order the graph emits them, with a sorted view built on first use, so a pattern
 * with a literal prefix ({@link RolePattern#literalPrefix()}) finds its candidates by binary
 * search. Testing every pattern of every role against every user grows with roles times users: at
 * a million users it would be hundreds of millions of regex matches.
 */
final class NameIndex {
    private final String[] names;
    private int[] sorted;

    private NameIndex(String[] names) {
        this.names = names;
    }

    static NameIndex of(Collection<String> names) {
        return new NameIndex(names.toArray(String[]::new));
    }

    int size() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    /** Indexes, ascending, of the names that start with {@code prefix}. */
    int[] withPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return IntStream.range(0, names.length).toArray();
        }
        int[] order = sorted();
        int from = lowerBound(order, prefix);
        int to = from;
        while (to < order.length && names[order[to]].startsWith(prefix)) {
            to++;
        }
        int[] matches = Arrays.copyOfRange(order, from, to);
        Arrays.sort(matches);
        return matches;
    }

    private int lowerBound(int[] order, String key) {
        int low = 0;
        int high = order.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (names[order[middle]].compareTo(key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int[] sorted() {
        if (sorted == null) {
            sorted = IntStream.range(0, names.length).boxed()
                    .sorted(Comparator.comparing(index -> names[index])).mapToInt(Integer::intValue).toArray();
        }
        return sorted;
    }
}

package org.teleportj1.graph;

import java.util.Arrays;

/** A growable int array: ids and memberships stay primitive. */
final class Ints {
    private static final int[] EMPTY = {};

    // most lists of a large cluster have no nested members or owner lists: no array until needed
    private int[] values = EMPTY;
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size + (size >> 1)));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return values[index];
    }
}

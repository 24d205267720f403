package org.teleportj1.graph;

import java.util.Arrays;

/**
 * Interns names to dense int ids (0, 1, 2, ... in the order first added), so that a million user
 * names are stored once and every other structure refers to them by id. An open-addressing table
 * of ids, not a map of boxed Integers. The names stay Strings: completion reads every one of them
 * many times (escalation patterns are matched against all users), which decoding would make
 * allocate each time.
 */
final class Names {
    private static final int GOLDEN = 0x9E3779B9;

    private String[] names = new String[16];
    private int size;
    /** id + 1 per slot, 0 when empty; a power of two, at most three quarters full. */
    private int[] table = new int[32];
    private int shift = Integer.SIZE - 5;

    /** The name's id, or -1 when it was never added. */
    int id(String name) {
        for (int slot = slot(name); ; slot = (slot + 1) & (table.length - 1)) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (names[entry - 1].equals(name)) {
                return entry - 1;
            }
        }
    }

    /** The name's id, a new one when the name is new. */
    int add(String name) {
        int slot = slot(name);
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
            if (names[entry - 1].equals(name)) {
                return entry - 1;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size + (size >> 1));
        }
        names[size] = name;
        table[slot] = ++size;
        if (size > table.length - (table.length >> 2)) {
            grow();
        }
        return size - 1;
    }

    String name(int id) {
        if (id >= size) {
            throw new IndexOutOfBoundsException(id + " of " + size);
        }
        return names[id];
    }

    int size() {
        return size;
    }

    private int slot(String name) {
        // Fibonacci hashing spreads the hash codes of sequential names such as user-000001, user-000002
        return (name.hashCode() * GOLDEN) >>> shift;
    }

    private void grow() {
        table = new int[table.length * 2];
        shift--;
        for (int id = 0; id < size; id++) {
            int slot = slot(names[id]);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = id + 1;
        }
    }
}

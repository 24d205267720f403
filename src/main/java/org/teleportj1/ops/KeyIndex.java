package org.teleportj1.ops;

/**
 * Key hash → content hash for the objects of a baseline, in two primitive arrays (open
 * addressing): about 24 bytes per object instead of the key strings themselves, so comparing a
 * million-object graph needs tens of MB, not hundreds. Remembers which keys the current run saw.
 */
final class KeyIndex {
    private final long[] keys;
    private final long[] values;
    private final boolean[] seen;
    private final int mask;

    KeyIndex(long expected) {
        int capacity = Integer.highestOneBit((int) Math.max(16, Math.min(1L << 29, expected * 4 / 3 + 1)) * 2 - 1);
        keys = new long[capacity];
        values = new long[capacity];
        seen = new boolean[capacity];
        mask = capacity - 1;
    }

    void put(long keyHash, long contentHash) {
        int slot = slot(keyHash);
        keys[slot] = nonZero(keyHash);
        values[slot] = contentHash;
    }

    /** The slot of {@code keyHash}, or -1 when absent. */
    int find(long keyHash) {
        int slot = slot(keyHash);
        return keys[slot] == 0 ? -1 : slot;
    }

    long value(int slot) {
        return values[slot];
    }

    void markSeen(int slot) {
        seen[slot] = true;
    }

    boolean wasSeen(long keyHash) {
        int slot = find(keyHash);
        return slot >= 0 && seen[slot];
    }

    private int slot(long keyHash) {
        long key = nonZero(keyHash);
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }
}

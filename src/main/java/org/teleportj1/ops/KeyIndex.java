package org.teleportj1.ops;

/**
 * The objects of a baseline by key hash, and which of them the current run saw: no key strings,
 * two longs a slot in one array (open addressing, linear probing), so a lookup touches one cache
 * line. The first long is the key hash; the second holds a mark that the current run had the key
 * (the top bit), the object's type index (7 bits) and the low 56 bits of its content hash, so a
 * changed object passes for unchanged with odds of 2^-56. Sized for the baseline's object count,
 * at most 7/8 full: about 18 bytes an object, 23 MB for 1.25 million objects (100k users), 229 MB
 * for 12.5 million.
 */
final class KeyIndex {
    /** Type indexes a value can hold (this program emits about 40 _types). */
    static final int MAX_TYPES = 128;
    private static final long SEEN = 1L << 63;
    private static final int TYPE_SHIFT = 56;
    private static final long CONTENT = 0x00FF_FFFF_FFFF_FFFFL;
    private static final long MAX_CAPACITY = (Integer.MAX_VALUE - 8) / 2;

    private final long[] slots;
    private final int capacity;
    private final long expected;
    private long size;

    KeyIndex(long expected) {
        long wanted = capacity(expected);
        if (wanted > MAX_CAPACITY) {
            throw new IllegalArgumentException("a baseline of " + expected + " objects is too large to compare");
        }
        this.expected = expected;
        capacity = (int) wanted;
        slots = new long[2 * capacity];
    }

    /** The bytes of the index of {@code expected} objects. */
    static long bytesFor(long expected) {
        return 2 * Long.BYTES * capacity(expected);
    }

    private static long capacity(long expected) {
        return Math.max(16, expected + expected / 7 + 1);
    }

    void put(long keyHash, long contentHash, int type) {
        int slot = slot(keyHash);
        if (slots[2 * slot] == 0) {
            if (size++ == expected) {
                // more keys than sized for: the table could fill up and the probing never end
                throw new IllegalStateException("more objects than the " + expected + " its header counts");
            }
            slots[2 * slot] = nonZero(keyHash);
        }
        slots[2 * slot + 1] = (contentHash & CONTENT) | (long) type << TYPE_SHIFT;
    }

    /** The slot of {@code keyHash}, or -1 when absent. */
    int find(long keyHash) {
        int slot = slot(keyHash);
        return slots[2 * slot] == 0 ? -1 : slot;
    }

    /** Marks the slot seen by the current run; whether its content hash was {@code contentHash}. */
    boolean see(int slot, long contentHash) {
        long value = slots[2 * slot + 1];
        slots[2 * slot + 1] = value | SEEN;
        return (value & CONTENT) == (contentHash & CONTENT);
    }

    /** Whether {@code keyHash} is a baseline key the current run did not see. */
    boolean removed(long keyHash) {
        int slot = find(keyHash);
        return slot >= 0 && (slots[2 * slot + 1] & SEEN) == 0;
    }

    /** The objects the current run did not see, per type index. */
    long[] removedByType() {
        long[] removed = new long[MAX_TYPES];
        for (int slot = 0; slot < capacity; slot++) {
            if (slots[2 * slot] != 0 && (slots[2 * slot + 1] & SEEN) == 0) {
                removed[(int) (slots[2 * slot + 1] >>> TYPE_SHIFT)]++;
            }
        }
        return removed;
    }

    private int slot(long keyHash) {
        long key = nonZero(keyHash);
        // the top 32 bits scaled to the capacity: no power of two needed, so no memory wasted rounding up
        int slot = (int) (((key >>> 32) * capacity) >>> 32);
        while (slots[2 * slot] != 0 && slots[2 * slot] != key) {
            slot = slot + 1 == capacity ? 0 : slot + 1;
        }
        return slot;
    }

    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }
}

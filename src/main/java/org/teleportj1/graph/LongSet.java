package org.teleportj1.graph;

/**
 * A set of longs in one open-addressing array, 8 bytes a slot: the (list, member) pairs of three
 * million memberships without a boxed Long each.
 */
final class LongSet {
    private static final long EMPTY = 0;

    /** A power of two, at most three quarters full; {@link #EMPTY} marks a free slot. */
    private long[] slots = new long[16];
    private int shift = Long.SIZE - 4;
    private int size;
    // EMPTY itself can be a member; it has no slot
    private boolean hasEmpty;

    /** @return true when the value was not in the set */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasEmpty;
            hasEmpty = true;
            return added;
        }
        int slot = slot(value);
        for (long held = slots[slot]; held != EMPTY; held = slots[slot]) {
            if (held == value) {
                return false;
            }
            slot = (slot + 1) & (slots.length - 1);
        }
        slots[slot] = value;
        if (++size > slots.length - (slots.length >> 2)) {
            grow();
        }
        return true;
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return hasEmpty;
        }
        for (int slot = slot(value); slots[slot] != EMPTY; slot = (slot + 1) & (slots.length - 1)) {
            if (slots[slot] == value) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size + (hasEmpty ? 1 : 0);
    }

    private int slot(long value) {
        // MurmurHash3's finalizer: a pair packed as (list << 32 | member) has all its entropy in
        // the two halves, which Long.hashCode would cancel against each other
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) (h >>> shift);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        shift--;
        for (long value : old) {
            if (value != EMPTY) {
                int slot = slot(value);
                while (slots[slot] != EMPTY) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = value;
            }
        }
    }
}

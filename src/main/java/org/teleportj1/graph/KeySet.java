package org.teleportj1.graph;

import java.util.Arrays;
import java.util.BitSet;

/**
 * An exact set of many strings (review keys: 200k at a million users) kept as bytes in one pool,
 * not as String objects: one byte a character when every character is Latin-1, else two. Found by
 * hash, confirmed by comparing the characters, so two keys that share a hash are still told apart.
 */
final class KeySet {
    private static final int GOLDEN = 0x9E3779B9;

    private byte[] bytes = new byte[256];
    private int used;
    /** Per entry: where its bytes end (they start where the previous entry's end), and its hash. */
    private int[] ends = new int[16];
    private int[] hashes = new int[16];
    /** Entries of two bytes a character. */
    private final BitSet wide = new BitSet();
    private int size;
    /** entry + 1 per slot, 0 when empty; a power of two, at most three quarters full. */
    private int[] table = new int[32];
    private int shift = Integer.SIZE - 5;

    /** @return true when the key was not in the set */
    boolean add(String key) {
        int hash = key.hashCode();
        int slot = slot(hash);
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
            if (hashes[entry - 1] == hash && matches(entry - 1, key)) {
                return false;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        store(key, hash);
        table[slot] = size;
        if (size > table.length - (table.length >> 2)) {
            grow();
        }
        return true;
    }

    boolean contains(String key) {
        int hash = key.hashCode();
        for (int slot = slot(hash); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
            int entry = table[slot] - 1;
            if (hashes[entry] == hash && matches(entry, key)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private void store(String key, int hash) {
        boolean twoBytes = key.chars().anyMatch(c -> c > 0xff);
        int length = twoBytes ? key.length() * 2 : key.length();
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(used + length, bytes.length + (bytes.length >> 1)));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (twoBytes) {
                bytes[used++] = (byte) (c >>> 8);
            }
            bytes[used++] = (byte) c;
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size + (size >> 1));
            hashes = Arrays.copyOf(hashes, ends.length);
        }
        wide.set(size, twoBytes);
        ends[size] = used;
        hashes[size++] = hash;
    }

    private boolean matches(int entry, String key) {
        int start = entry == 0 ? 0 : ends[entry - 1];
        int length = ends[entry] - start;
        if (wide.get(entry)) {
            if (length != key.length() * 2) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                int c = (bytes[start + 2 * i] & 0xff) << 8 | bytes[start + 2 * i + 1] & 0xff;
                if (c != key.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        if (length != key.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[start + i] & 0xff) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int slot(int hash) {
        return (hash * GOLDEN) >>> shift;
    }

    private void grow() {
        table = new int[table.length * 2];
        shift--;
        for (int entry = 0; entry < size; entry++) {
            int slot = slot(hashes[entry]);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = entry + 1;
        }
    }
}

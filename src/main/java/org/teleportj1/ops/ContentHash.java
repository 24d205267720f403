package org.teleportj1.ops;

/**
 * A fast 64-bit hash (FNV-1a, then a SplitMix64 finish for spread). Not cryptographic: it only
 * tells "same bytes" from "different bytes" between two runs, where a 1-in-2^64 miss is harmless.
 */
final class ContentHash {
    private ContentHash() {
    }

    static long of(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    static String hex(long hash) {
        String hex = Long.toHexString(hash);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }
}

package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The baseline's key hashes: lookups, the seen marks, removed per type, and its size limit. */
class KeyIndexTest {
    @Test
    void findsComparesAndCountsTheUnseenPerType() {
        KeyIndex index = new KeyIndex(3);
        index.put(11, 100, 0);
        index.put(22, 200, 1);
        index.put(33, 300, KeyIndex.MAX_TYPES - 1);

        assertEquals(-1, index.find(44));
        assertTrue(index.see(index.find(11), 100), "same content");
        assertFalse(index.see(index.find(22), 201), "different content");
        assertFalse(index.removed(11));
        assertTrue(index.removed(33));
        assertFalse(index.removed(44), "never in the baseline");
        long[] removed = index.removedByType();
        assertEquals(1, removed[KeyIndex.MAX_TYPES - 1]);
        assertEquals(1, java.util.Arrays.stream(removed).sum());
    }

    @Test
    void aKeySeenTwiceIsComparedWithTheBaselineBothTimes() {
        KeyIndex index = new KeyIndex(1);
        index.put(11, 100, 0);
        assertTrue(index.see(index.find(11), 100));
        assertTrue(index.see(index.find(11), 100));
    }

    @Test
    void keysThatCollideWrapAroundTheEnd() {
        KeyIndex index = new KeyIndex(12);
        // the same top 32 bits: all want the last slot
        for (long low = 0; low < 12; low++) {
            index.put(0xFFFF_FFFF_0000_0000L | low, low, 0);
        }
        for (long low = 0; low < 12; low++) {
            assertTrue(index.see(index.find(0xFFFF_FFFF_0000_0000L | low), low));
        }
        assertEquals(0, index.removedByType()[0]);
    }

    @Test
    void holdsNoMoreKeysThanItWasSizedFor() {
        KeyIndex index = new KeyIndex(2);
        index.put(1, 0, 0);
        index.put(2, 0, 0);
        index.put(2, 5, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.put(3, 0, 0));
        assertEquals("more objects than the 2 its header counts", e.getMessage());
    }
}

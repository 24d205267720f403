package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void addTellsWhetherTheValueIsNew() {
        LongSet set = new LongSet();
        assertTrue(set.add(42));
        assertFalse(set.add(42));
        assertTrue(set.contains(42));
        assertFalse(set.contains(43));
        assertEquals(1, set.size());
    }

    @Test
    void zeroAndNegativeValuesAreMembersLikeAnyOther() {
        LongSet set = new LongSet();
        assertFalse(set.contains(0));
        assertTrue(set.add(0));
        assertFalse(set.add(0));
        assertTrue(set.add(-1));
        assertTrue(set.add(Long.MIN_VALUE));
        assertTrue(set.contains(0));
        assertTrue(set.contains(Long.MIN_VALUE));
        assertEquals(3, set.size());
    }

    @Test
    void packedPairsWhoseHalvesCancelOutStayDistinctThroughGrowth() {
        // Long.hashCode of (a << 32 | b) is a ^ b: every pair (i, i) would share one hash
        LongSet set = new LongSet();
        for (long list = 0; list < 300; list++) {
            for (long member = 0; member < 1_000; member++) {
                assertTrue(set.add(list << 32 | member));
            }
        }
        assertEquals(300_000, set.size());
        assertFalse(set.add(299L << 32 | 999));
        assertTrue(set.contains(7L << 32 | 7));
        assertFalse(set.contains(300L << 32));
        assertFalse(set.contains(1_000));
    }
}

package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeySetTest {

    @Test
    void addTellsWhetherTheKeyIsNew() {
        KeySet keys = new KeySet();
        assertTrue(keys.add("teleport:c:access_list_review:l:r1"));
        assertTrue(keys.add("teleport:c:access_list_review:l:r2"));
        assertFalse(keys.add(new String("teleport:c:access_list_review:l:r1")));
        assertTrue(keys.contains("teleport:c:access_list_review:l:r2"));
        assertFalse(keys.contains("teleport:c:access_list_review:l:r"));
        assertEquals(2, keys.size());
    }

    @Test
    void keysWithTheSameHashAreToldApartByTheirCharacters() {
        KeySet keys = new KeySet();
        assertEquals("AaAa".hashCode(), "BBBB".hashCode());
        assertTrue(keys.add("AaAa"));
        assertTrue(keys.add("BBBB"));
        assertTrue(keys.add("AaBB"));
        assertFalse(keys.add("BBBB"));
        assertEquals(3, keys.size());
    }

    @Test
    void everyCharacterIsKeptExactlyBeyondLatin1() {
        KeySet keys = new KeySet();
        String[] distinct = {"caf\u00e9", "cafe", "\u65e5\u672c", "\u65e5\u672d", "\ud83d\ude00", "\ud83d", "\ude00",
            "\u0000", "", "\u00ff\u0100", "\u00ff\u0101"};
        for (String key : distinct) {
            assertTrue(keys.add(key), key);
        }
        for (String key : distinct) {
            assertFalse(keys.add(new String(key)), key);
        }
        assertEquals(distinct.length, keys.size());
        // the same bytes, one character of two bytes or two of one
        KeySet sameBytes = new KeySet();
        assertTrue(sameBytes.add("\u0100"));
        assertFalse(sameBytes.contains("\u0001\u0000"));
        assertTrue(sameBytes.add("\u0001\u0000"));
        assertFalse(sameBytes.add("\u0100"));
    }

    @Test
    void manyKeysSurviveGrowth() {
        KeySet keys = new KeySet();
        for (int i = 0; i < 50_000; i++) {
            assertTrue(keys.add("review-" + i));
        }
        for (int i = 0; i < 50_000; i += 101) {
            assertFalse(keys.add("review-" + i));
        }
        assertFalse(keys.contains("review-50000"));
        assertEquals(50_000, keys.size());
    }
}

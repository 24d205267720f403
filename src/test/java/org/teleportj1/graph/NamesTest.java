package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void idsAreDenseInTheOrderNamesWereFirstAdded() {
        Names names = new Names();
        assertEquals(0, names.add("bob"));
        assertEquals(1, names.add("alice"));
        assertEquals(0, names.add("bob"));
        assertEquals(2, names.size());
        assertEquals("alice", names.name(1));
        assertEquals(1, names.id("alice"));
        assertEquals(-1, names.id("carol"));
        assertThrows(IndexOutOfBoundsException.class, () -> names.name(2));
    }

    @Test
    void theFirstInstanceOfANameIsTheOneKept() {
        Names names = new Names();
        String first = new String("alice");
        names.add(first);
        names.add(new String("alice"));
        assertSame(first, names.name(0));
    }

    @Test
    void aHundredThousandSequentialNamesAndCollidingHashesStayDistinct() {
        Names names = new Names();
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, names.add("user-" + i + "@example.com"));
        }
        // "Aa" and "BB" share a hash code, so do all their concatenations
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
        for (String name : colliding) {
            names.add(name);
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertEquals(i, names.id("user-" + i + "@example.com"));
        }
        for (int i = 0; i < colliding.length; i++) {
            assertEquals(100_000 + i, names.id(colliding[i]));
        }
        assertEquals(100_004, names.size());
        assertEquals(-1, names.id("user-100000@example.com"));
    }
}

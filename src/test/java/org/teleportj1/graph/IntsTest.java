package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntsTest {

    @Test
    void keepsValuesInTheOrderAdded() {
        Ints ints = new Ints();
        assertEquals(0, ints.size());
        for (int i = 0; i < 1_000; i++) {
            ints.add(i * 3);
        }
        assertEquals(1_000, ints.size());
        assertEquals(0, ints.get(0));
        assertEquals(2_997, ints.get(999));
        assertThrows(IndexOutOfBoundsException.class, () -> ints.get(1_000));
    }
}

package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The hash is stored in every change-report baseline: these are XXH64's published reference
 * values (seed 0), one input for each path through the code, so it cannot change by accident.
 */
class ContentHashTest {
    private static long hash(String text) {
        return ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesXxh64ReferenceValues() {
        assertEquals(0xef46db3751d8e999L, hash(""));
        assertEquals(0xd24ec4f1a98c6e5bL, hash("a"));                                  // bytes
        assertEquals(0x44bc2cf5ad770999L, hash("abc"));
        assertEquals(0xf58336a78b6f9476L, hash("Hello, world!"));                      // a long, an int, a byte
        assertEquals(0x467605901b01d6f6L, hash("abcdefghijklmnopqrstuvwxyz12345"));    // 31: just below a stripe
        assertEquals(0x40fd1aa52d98274cL, hash("12345678901234567890123456789012"));   // one 32-byte stripe
        assertEquals(0x0b242d361fda71bcL, hash("The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void aKeyOfThisProgramHasAPinnedHash() {
        assertEquals(0xd4e2d34c670e95b3L, hash("teleport:sandbox.teleport.local:user:user-000123@example.com"));
    }

    @Test
    void hashesOnlyTheGivenRange() {
        byte[] text = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[text.length + 20];
        Arrays.fill(padded, (byte) 'x');
        System.arraycopy(text, 0, padded, 7, text.length);
        assertEquals(ContentHash.of(text), ContentHash.of(padded, 7, text.length));
    }
}

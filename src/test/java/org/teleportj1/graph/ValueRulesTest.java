package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys, timestamps, names and values: the J1 rules every mapper relies on. */
class ValueRulesTest {
    private static final MappingContext CONTEXT = new MappingContext(TeleportFixtures.cluster(), GraphOptions.DEFAULTS);

    @Test
    void keysUpToTheLimitAreKeptLongerOnesHashedToExactlyTheLimit() {
        GraphKeys keys = new GraphKeys("c", 1000);
        String prefix = "teleport:c:user:";
        String fits = "a".repeat(1000 - prefix.length());
        assertEquals(prefix + fits, keys.user(fits));
        String tooLong = fits + "b";
        String hashed = keys.user(tooLong);
        assertEquals(1000, hashed.length());
        assertTrue(hashed.matches("teleport:c:user:a+#[0-9a-f]{64}"), hashed);
        assertNotEquals(hashed, keys.user(fits + "c"));
        String surrogates = "😀".repeat(600);
        assertTrue(Character.isLowSurrogate(keys.user(surrogates).charAt(keys.user(surrogates).indexOf('#') - 1)),
                "a surrogate pair is never split");
    }

    @Test
    void goZeroTimeAndProtoDefaultAreAbsent() {
        assertNull(TeleportTime.millis(null));
        assertNull(TeleportTime.millis(Timestamp.getDefaultInstance()));
        assertNull(TeleportTime.millis(Timestamp.newBuilder().setSeconds(-62135596800L).build()));
        assertEquals(1_700_000_000_123L, TeleportTime.millis(Timestamp.newBuilder().setSeconds(1_700_000_000L)
                .setNanos(123_456_789).build()));
    }

    @Test
    void namesAreCleanedAndValuesCut() {
        assertEquals("kubernetes-groups", PropertyRules.sanitiseNamePart("kubernetes_groups"));
        assertEquals("a-b-c d.e", PropertyRules.sanitiseNamePart("a/b:c d.e"));
        assertEquals("unnamed", PropertyRules.sanitiseNamePart(""));
        String cut = PropertyRules.truncate("x".repeat(5000), 4096);
        assertEquals(4096, cut.length());
        assertTrue(cut.endsWith("..."));
    }

    @Test
    void nameChecksWithoutRegexAgreeWithTheRegexRules() {
        List<String> names = List.of("", "_", "__", "_key", "tag.", "tag.AccountName", "tag", "trait.a b-c.9",
                "last_login", "a", " ", "-", ".", "é", "naïve", "😀", "a😀b", "a\nb", "a\n", "\n", "x/y:z",
                "kubernetes_groups", "_tag.x", "tag._x", "UPPER lower 0123456789", "\u0000", "ab\u00a0");
        for (String name : names) {
            assertEquals(PropertyRules.NAME.matcher(name).matches(), PropertyRules.isValidName(name), name);
            String expected = PropertyRules.NOT_ALLOWED_IN_NAME.matcher(name).replaceAll("-").strip();
            assertEquals(expected.isEmpty() ? "unnamed" : expected, PropertyRules.sanitiseNamePart(name), name);
        }
    }

    @Test
    void graphObjectsRejectWhatJ1Rejects() {
        GraphObject entity = CONTEXT.entity(EntityType.USER, "teleport:c:user:x", "x", "x");
        assertThrows(IllegalArgumentException.class, () -> entity.put("last_login", 1));
        assertThrows(IllegalArgumentException.class, () -> entity.put("_secret", 1));
        assertThrows(IllegalArgumentException.class, () -> entity.put("mixed", List.of("a", 1)));
        assertThrows(IllegalArgumentException.class, () -> entity.put("nested", new Object()));
        GraphObject relationship = CONTEXT.relationship(RelationshipType.ACCOUNT_HAS_USER, "teleport:c", "teleport:c:u");
        assertThrows(IllegalArgumentException.class, () -> relationship.put("roles", List.of("a")));
        entity.put("numbers", List.of(1, 2L, 3.5));
        assertEquals(List.of(1, 2L, 3.5), entity.toMap().get("numbers"));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GraphOptions(-1, 1, 4096, 1000, 10,
                java.time.Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new GraphKeys(" ", 1000));
    }
}

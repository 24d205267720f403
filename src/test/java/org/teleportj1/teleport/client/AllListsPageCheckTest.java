package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The all-lists paging contract, on plain keys. */
class AllListsPageCheckTest {
    private static AllListsPageCheck<String> check(Set<String> lists) {
        return new AllListsPageCheck<>(Function.identity(), lists::contains);
    }

    @Test
    void advancingPagesWithKeyTokensPass() {
        AllListsPageCheck<String> check = check(Set.of("a", "b"));
        check.check(List.of("a/1", "a/2"), "b/1");
        check.check(List.of("b/1"), "");
        assertEquals("b/1", check.lastKey());
    }

    @Test
    void aRepeatedPageIsAViolation() {
        AllListsPageCheck<String> check = check(Set.of("a"));
        check.check(List.of("a/1", "a/2"), "a/3");
        ListingViolation repeated = assertThrows(ListingViolation.class, () -> check.check(List.of("a/1", "a/2"), "a/3"));
        assertTrue(repeated.getMessage().contains("does not move past 'a/2'"), repeated.getMessage());
        assertEquals("a/2", check.lastKey(), "the failed page delivered nothing");
    }

    @Test
    void aBareTokenAStaleTokenAndAnUnknownListAreViolations() {
        assertThrows(ListingViolation.class, () -> check(Set.of("a")).check(List.of("a/1"), "2"));
        assertThrows(ListingViolation.class, () -> check(Set.of("a")).check(List.of("a/1", "a/2"), "a/1"));
        assertThrows(ListingViolation.class, () -> check(Set.of("a")).check(List.of("a/1", "z/1"), ""));
        assertThrows(ListingViolation.class, () -> check(Set.of("a")).check(List.of("a/1", "a/1"), ""));
    }
}

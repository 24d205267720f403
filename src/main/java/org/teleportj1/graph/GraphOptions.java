package org.teleportj1.graph;

import java.time.Duration;

/**
 * Limits that keep hostile or huge Teleport data inside J1's rules. Defaults follow
 * docs/jupiterone.md and docs/jupiterone-api.md §3.
 *
 * @param maxTraits         at most this many {@code trait.<name>} properties per user; the rest is counted
 * @param maxTraitValues    at most this many values per trait; the rest is counted
 * @param maxStringLength   longer string values are cut (J1 indexes 4096 characters)
 * @param maxKeyLength      longer keys keep a prefix and a hash of the whole key
 * @param maxNestingDepth   access lists nested deeper than this are not followed
 * @param userRetention     how long a user seen in an earlier run is kept as inactive
 */
public record GraphOptions(int maxTraits, int maxTraitValues, int maxStringLength, int maxKeyLength,
                           int maxNestingDepth, Duration userRetention) {

    public static final GraphOptions DEFAULTS = new GraphOptions(50, 100, 4096, 1000, 10, Duration.ofDays(30));

    /** These limits with another retention of remembered users. */
    public GraphOptions withUserRetention(Duration retention) {
        return new GraphOptions(maxTraits, maxTraitValues, maxStringLength, maxKeyLength, maxNestingDepth, retention);
    }

    public GraphOptions {
        if (maxTraits < 0 || maxTraitValues < 0) {
            throw new IllegalArgumentException("trait limits must not be negative");
        }
        if (maxStringLength < 16) {
            throw new IllegalArgumentException("maxStringLength must be at least 16, was " + maxStringLength);
        }
        // room for a readable prefix plus the 64-character hash
        if (maxKeyLength < 100) {
            throw new IllegalArgumentException("maxKeyLength must be at least 100, was " + maxKeyLength);
        }
        if (maxNestingDepth < 0) {
            throw new IllegalArgumentException("maxNestingDepth must not be negative");
        }
        if (userRetention == null || userRetention.isNegative()) {
            throw new IllegalArgumentException("userRetention must be a positive duration");
        }
    }
}

package org.teleportj1.graph;

/**
 * Teleport's {@code IneligibleStatus} of access-list members and owners (docs/teleport-api.md §2.4).
 * Only eligible memberships grant anything; {@code UNSPECIFIED} is what servers send when they
 * did not evaluate it (bulk listing), so it counts as eligible. Unknown numbers grant nothing.
 */
public final class Eligibility {
    private Eligibility() {
    }

    public static boolean grants(int status) {
        return status == 0 || status == 1;
    }

    /** Property value for {@code ineligibleStatus}; null when unspecified. */
    public static String label(int status) {
        return switch (status) {
            case 0 -> null;
            case 1 -> "eligible";
            case 2 -> "user_not_exist";
            case 3 -> "missing_requirements";
            case 4 -> "expired";
            default -> "unknown";
        };
    }
}

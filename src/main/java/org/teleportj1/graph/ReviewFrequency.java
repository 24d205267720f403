package org.teleportj1.graph;

/** Teleport's {@code ReviewFrequency} enum: its numbers are months; unknown numbers are dropped. */
public final class ReviewFrequency {
    private ReviewFrequency() {
    }

    public static Integer months(int frequency) {
        return switch (frequency) {
            case 1, 3, 6, 12 -> frequency;
            default -> null;
        };
    }
}

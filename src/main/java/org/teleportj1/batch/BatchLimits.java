package org.teleportj1.batch;

/**
 * When a batch is full: J1's SDK sends at most 5,000,000 serialized bytes per upload
 * (docs/jupiterone-api.md §2.1); the object count bounds the work one retry repeats.
 */
public record BatchLimits(long maxBytes, int maxObjects) {
    public BatchLimits {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("j1.batch.max-bytes must be at least 1024, was " + maxBytes);
        }
        if (maxObjects < 1) {
            throw new IllegalArgumentException("j1.batch.max-objects must be at least 1, was " + maxObjects);
        }
    }
}

package org.teleportj1.run;

import java.time.Instant;

/**
 * What makes a run a replay of a dead letter, fixed when it starts.
 *
 * @param deadLetterId the dead letter, {@code <cluster>/<run>}
 * @param snapshotAt   when its graph was read from Teleport
 * @param allowShrink  the operator allowed this replay past the deletion guard
 */
public record Replay(String deadLetterId, Instant snapshotAt, boolean allowShrink) {
}

package org.teleportj1.graph;

import com.google.protobuf.Timestamp;

/**
 * Teleport timestamps as J1 epoch milliseconds. Teleport always encodes some timestamps and sends
 * Go's zero time (0001-01-01T00:00:00Z) for "not set" (docs/teleport-api.md §2.5); that, an absent
 * message and the proto default are all "absent" here.
 */
public final class TeleportTime {
    /** Seconds of 0001-01-01T00:00:00Z, Go's zero {@code time.Time}. */
    public static final long GO_ZERO_SECONDS = -62135596800L;

    private TeleportTime() {
    }

    /** Epoch milliseconds, or null when the timestamp means "not set". */
    public static Long millis(Timestamp timestamp) {
        if (timestamp == null || timestamp.getSeconds() <= GO_ZERO_SECONDS
                || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return null;
        }
        return timestamp.getSeconds() * 1000L + timestamp.getNanos() / 1_000_000;
    }
}

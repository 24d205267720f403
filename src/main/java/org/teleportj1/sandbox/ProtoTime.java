package org.teleportj1.sandbox;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Timestamps as a Teleport auth server puts them on the wire. */
final class ProtoTime {
    /**
     * Go's zero time.Time (0001-01-01T00:00:00Z). Teleport's gogo marshaller and its
     * {@code timestamppb.New} conversions send it for every non-nullable time that is unset, so a
     * faithful stand-in must send it too, never omit the field.
     */
    static final Timestamp UNSET = Timestamp.newBuilder().setSeconds(-62135596800L).build();

    private ProtoTime() {
    }

    static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** For fields Teleport always encodes: null means "not set" and becomes {@link #UNSET}. */
    static Timestamp orUnset(Instant instant) {
        return instant == null ? UNSET : of(instant);
    }

    static boolean isUnset(Timestamp timestamp) {
        return timestamp.getSeconds() == UNSET.getSeconds() && timestamp.getNanos() == 0;
    }

    static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}

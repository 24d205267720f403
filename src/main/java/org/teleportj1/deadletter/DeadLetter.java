package org.teleportj1.deadletter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * One run that could not be delivered: {@code <dead-letter-dir>/<cluster>/<run>/} with
 * {@code envelope.json} and the complete graph ({@code entities.json.gz},
 * {@code relationships.json.gz}: its upload bodies, RunSpool; earlier versions wrote
 * {@code entities.ndjson.gz}, {@code relationships.ndjson.gz}, one object a line).
 *
 * @param id       {@code <cluster>/<run>}, as the commands take it
 * @param dir      its directory
 * @param envelope cluster, run, job, times, reason, HTTP status, attempts, counts, replays
 */
public record DeadLetter(String id, Path dir, Envelope envelope) {
    public static final String ENVELOPE = "envelope.json";

    public String cluster() {
        return envelope.cluster();
    }

    public String runId() {
        return envelope.runId();
    }

    /** When its graph was read from Teleport. */
    public Instant snapshotAt() {
        return envelope.snapshotAt();
    }

    public long objects() {
        return envelope.objects();
    }

    /**
     * The _types its run finalizes as partial datasets (a listing failed and was tolerated); empty
     * for a complete graph. A replay finalizes with exactly these.
     */
    public Set<String> partialTypes() {
        return envelope.partialTypes();
    }

    /** "replayed" once a replay was applied, else "failed". */
    public String status() {
        return envelope.status();
    }
}

package org.teleportj1.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.teleportj1.run.Replay;

/**
 * {@code envelope.json} of a dead letter: what its run was, why it was not applied, and what
 * became of its replays. Holds no secrets: the reason is J1's error code and message or a network
 * error, never a request header.
 *
 * @param snapshotAt                   when the graph was read from Teleport
 * @param status                       {@code failed}, or {@code replayed} once a replay was applied
 * @param httpStatus                   J1's answer to the failed request (0: no answer)
 * @param attempts                     tries of the failed request
 * @param objectsUploadedBeforeFailure accepted by J1 before the failure (in the aborted job)
 * @param partialTypes                 _types its run finalizes as partial datasets; a replay finalizes with these
 * @param partialResources             the tolerated failed listings and why
 */
public record Envelope(String cluster, String clusterName, String runId, String jobId, String scope,
                       String integrationInstanceId, Instant snapshotAt, Instant failedAt, String status,
                       String reason, int httpStatus, int attempts, long retries, long objects, long entities,
                       long relationships, long objectsUploadedBeforeFailure, Set<String> partialTypes,
                       Map<String, String> partialResources, Map<String, Long> countsByType, List<Replay> replays) {
    public static final String FAILED = "failed";
    public static final String REPLAYED = "replayed";

    /** One replay: when, as which run and job, and whether J1 applied it. */
    public record Replay(Instant at, String runId, String jobId, String result, String reason) {
    }

    public Envelope {
        status = status == null ? FAILED : status;
        partialTypes = partialTypes == null ? Set.of() : new TreeSet<>(partialTypes);
        partialResources = partialResources == null ? Map.of() : new TreeMap<>(partialResources);
        countsByType = countsByType == null ? Map.of() : new TreeMap<>(countsByType);
        replays = replays == null ? List.of() : List.copyOf(replays);
    }

    Envelope withReplay(Replay replay, boolean applied) {
        List<Replay> all = new ArrayList<>(replays);
        all.add(replay);
        return new Envelope(cluster, clusterName, runId, jobId, scope, integrationInstanceId, snapshotAt, failedAt,
                applied ? REPLAYED : status, reason, httpStatus, attempts, retries, objects, entities, relationships,
                objectsUploadedBeforeFailure, partialTypes, partialResources, countsByType, all);
    }
}

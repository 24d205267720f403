package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.run.SyncRun;

/**
 * Builds the requests of the J1 sync-job lifecycle (start, upload, finalize, abort) and reads
 * their answers (docs/jupiterone-api.md §1). The routes send them; this class only knows the API.
 * Paths are relative to {@code <base>/persister/synchronization/jobs}.
 */
public class SyncJobApi {
    /** Exchange property: the J1 scope of the cluster's jobs. */
    public static final String SCOPE = "j1Scope";
    /** Exchange property: the custom integration instance of the cluster, if any. */
    public static final String INSTANCE = "j1IntegrationInstanceId";
    /** Exchange property: the batch an upload request carries (for a 413 split). */
    public static final String BATCH = "graphBatch";
    /** Exchange property: true while a finalized job has not reached a final status. */
    public static final String JOB_PENDING = "j1JobPending";
    private static final String POLL_DEADLINE = "j1PollDeadline";
    private static final String JOB = "j1Job";
    private static final Logger LOG = LoggerFactory.getLogger(SyncJobApi.class);

    private final ObjectMapper json;
    private final boolean gzip;
    /** Exchange property: milliseconds to wait before the next status poll. */
    public static final String POLL_DELAY = "j1PollDelayMs";
    private static final long FIRST_POLL_MILLIS = 100;

    private final Duration pollInterval;
    private final Duration pollTimeout;
    private final Clock clock;

    public SyncJobApi(ObjectMapper json, boolean gzip, Duration pollInterval, Duration pollTimeout, Clock clock) {
        this.json = json;
        this.gzip = gzip;
        this.pollInterval = pollInterval;
        this.pollTimeout = pollTimeout;
        this.clock = clock;
    }

    public void startJob(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        String instance = exchange.getProperty(INSTANCE, String.class);
        if (instance != null && !instance.isBlank()) {
            body.put("source", "integration-external");
            body.put("integrationInstanceId", instance);
        } else {
            body.put("source", "api");
            body.put("scope", exchange.getProperty(SCOPE, String.class));
            body.put("syncMode", "DIFF");
        }
        request(exchange, "", json.writeValueAsBytes(body));
        LOG.debug("Cluster '{}': starting a J1 sync job {}", run.cluster(), body);
    }

    public void jobStarted(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        JsonNode job = job(exchange);
        String id = job.path("id").asText("");
        if (id.isEmpty()) {
            throw new IllegalStateException("JupiterOne started a sync job but returned no job id: " + job);
        }
        run.jobId(id);
        LOG.info("Cluster '{}': J1 sync job {} started", run.cluster(), id);
    }

    /** Body: a {@link GraphBatch}; becomes its upload request. */
    public void upload(Exchange exchange) {
        SyncRun run = run(exchange);
        GraphBatch batch = exchange.getMessage().getBody(GraphBatch.class);
        exchange.setProperty(BATCH, batch);
        // one correlation id per batch, reused by its retries
        exchange.setProperty("j1CorrelationId", UUID.randomUUID().toString());
        // a spooled batch sends the gzip body its spool holds, compressed once; a plain one is compressed now
        request(exchange, "/" + run.jobId() + "/" + batch.kind().field(), batch.uploadBody(gzip));
        if (gzip) {
            exchange.getMessage().setHeader("Content-Encoding", "gzip");
            // already compressed, at the fastest level; camel-http would gzip again at its default level
            exchange.setProperty(Exchange.SKIP_GZIP_ENCODING, true);
        }
    }

    public void uploaded(Exchange exchange) {
        GraphBatch batch = exchange.getProperty(BATCH, GraphBatch.class);
        run(exchange).delivered(batch.size());
    }

    /**
     * Finalize: J1 applies the job and deletes from the scope what it did not upload, except the
     * {@code partialDatasets} types (a resource that could not be read, when allowed).
     */
    public void finalizeJob(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        Set<String> partial = run.delivery().partialTypes();
        if (!partial.isEmpty()) {
            body.put("partialDatasets", Map.of("types", List.copyOf(partial)));
            LOG.warn("Cluster '{}': finalizing job {} with partial datasets {}: J1 keeps their earlier objects",
                    run.cluster(), run.jobId(), partial);
        }
        exchange.setProperty(POLL_DEADLINE, clock.instant().plus(pollTimeout));
        request(exchange, "/" + run.jobId() + "/finalize", json.writeValueAsBytes(body));
    }

    /** Reads the job from a finalize or status answer; sets {@link #JOB_PENDING} until it is final. */
    public void jobStatus(Exchange exchange) throws IOException {
        JsonNode job = job(exchange);
        exchange.setProperty(JOB, job);
        String status = job.path("status").asText("UNKNOWN");
        boolean pending = !JobStatus.isFinal(status);
        exchange.setProperty(JOB_PENDING, pending);
        // small jobs settle within a moment: poll soon, then back off to the configured interval
        Long previous = exchange.getProperty(POLL_DELAY, Long.class);
        exchange.setProperty(POLL_DELAY, previous == null ? Math.min(FIRST_POLL_MILLIS, pollInterval.toMillis())
                : Math.min(previous * 2, pollInterval.toMillis()));
        LOG.debug("Cluster '{}': J1 job {} is {}", run(exchange).cluster(), run(exchange).jobId(), status);
    }

    public void pollJob(Exchange exchange) {
        SyncRun run = run(exchange);
        Instant deadline = exchange.getProperty(POLL_DEADLINE, Instant.class);
        if (deadline != null && clock.instant().isAfter(deadline)) {
            JsonNode job = exchange.getProperty(JOB, JsonNode.class);
            throw new JobNotFinishedException("J1 sync job " + run.jobId() + " was still "
                    + (job == null ? "pending" : job.path("status").asText()) + " " + pollTimeout.toSeconds()
                    + " s after finalize (j1.job.poll-timeout-seconds); look at it in J1 before replaying");
        }
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/" + run.jobId());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setBody(null);
    }

    /** Logs J1's counts; a job that ended other than FINISHED fails the run (nothing was applied). */
    public void jobEnded(Exchange exchange) {
        SyncRun run = run(exchange);
        JsonNode job = exchange.getProperty(JOB, JsonNode.class);
        String status = job.path("status").asText("UNKNOWN");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String field : List.of("numEntitiesUploaded", "numEntitiesCreated", "numEntitiesUpdated",
                "numEntitiesDeleted", "numRelationshipsUploaded", "numRelationshipsCreated",
                "numRelationshipsUpdated", "numRelationshipsDeleted")) {
            if (job.has(field)) {
                counts.put(field, job.path(field).asLong());
            }
        }
        run.delivery().jobOutcome(status, counts);
        if (!JobStatus.FINISHED.equals(status)) {
            throw new JobNotFinishedException("J1 sync job " + run.jobId() + " ended " + status
                    + " instead of FINISHED; J1 did not apply it");
        }
        LOG.info("Cluster '{}': J1 sync job {} FINISHED: entities created {}, updated {}, deleted {};"
                        + " relationships created {}, updated {}, deleted {}", run.cluster(), run.jobId(),
                job.path("numEntitiesCreated").asText("?"), job.path("numEntitiesUpdated").asText("?"),
                job.path("numEntitiesDeleted").asText("?"), job.path("numRelationshipsCreated").asText("?"),
                job.path("numRelationshipsUpdated").asText("?"), job.path("numRelationshipsDeleted").asText("?"));
    }

    public void abortJob(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        String reason = run.delivery().isFailed() ? run.delivery().failure().reason() : run.failure();
        abort(exchange, run.jobId(), reason);
    }

    /** Route predicate: this run started a J1 job. */
    public boolean hasJob(Exchange exchange) {
        return run(exchange).jobId() != null;
    }

    /** Aborts the job a run of this cluster left open when its process died. */
    public void abortDeadJob(Exchange exchange) throws IOException {
        abort(exchange, exchange.getProperty(SyncRun.DEAD_RUN_JOB, String.class),
                "the run that opened this job did not finish (its process stopped)");
    }

    private void abort(Exchange exchange, String jobId, String reason) throws IOException {
        request(exchange, "/" + jobId + "/abort", json.writeValueAsBytes(Map.of("reason", "teleport-jupiterone: " + reason)));
    }

    public void deadJobAborted(Exchange exchange) {
        LOG.warn("Cluster '{}': J1 sync job {}, left open by a run that did not finish, aborted",
                run(exchange).cluster(), exchange.getProperty(SyncRun.DEAD_RUN_JOB, String.class));
    }

    public void jobAborted(Exchange exchange) {
        SyncRun run = run(exchange);
        LOG.warn("Cluster '{}': J1 sync job {} aborted; nothing from this run is applied or deleted",
                run.cluster(), run.jobId());
    }

    private static void request(Exchange exchange, String path, byte[] body) {
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setBody(body);
    }

    private JsonNode job(Exchange exchange) throws IOException {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        JsonNode root = json.readTree(body == null ? new byte[0] : body);
        return root == null ? json.createObjectNode() : root.path("job");
    }

    private static SyncRun run(Exchange exchange) {
        return exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
    }
}

package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.delivery.GraphBatch;
import org.teleportj1.sync.SyncRun;

/**
 * Builds the requests of the J1 sync-job lifecycle (start, upload, finalize, abort) and reads
 * their answers (jupiterone-api.md §1). The routes send them; this class only knows the API.
 * Paths are relative to {@code <base>/persister/synchronization/jobs}.
 */
public class SyncJobApi {
    /** Exchange property: the J1 scope of the cluster's jobs. */
    public static final String SCOPE = "j1Scope";
    /** Exchange property: the custom integration instance of the cluster, if any. */
    public static final String INSTANCE = "j1IntegrationInstanceId";
    private static final Logger LOG = LoggerFactory.getLogger(SyncJobApi.class);

    private final ObjectMapper json;

    public SyncJobApi(ObjectMapper json) {
        this.json = json;
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
        exchange.setProperty("graphBatch", batch);
        // one correlation id per batch, reused by its retries
        exchange.setProperty("j1CorrelationId", UUID.randomUUID().toString());
        request(exchange, "/" + run.jobId() + "/" + batch.kind().field(), batch.requestBody());
    }

    public void uploaded(Exchange exchange) {
        GraphBatch batch = exchange.getProperty("graphBatch", GraphBatch.class);
        run(exchange).delivered(batch.size());
    }

    public void finalizeJob(Exchange exchange) {
        request(exchange, "/" + run(exchange).jobId() + "/finalize", "{}".getBytes());
    }

    public void jobFinalized(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        JsonNode job = job(exchange);
        LOG.info("Cluster '{}': J1 sync job {} finalized, status {}: entities created {}, updated {}, deleted {};"
                        + " relationships created {}, updated {}, deleted {}", run.cluster(), run.jobId(),
                job.path("status").asText("?"), job.path("numEntitiesCreated").asText("?"),
                job.path("numEntitiesUpdated").asText("?"), job.path("numEntitiesDeleted").asText("?"),
                job.path("numRelationshipsCreated").asText("?"), job.path("numRelationshipsUpdated").asText("?"),
                job.path("numRelationshipsDeleted").asText("?"));
    }

    public void abortJob(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        request(exchange, "/" + run.jobId() + "/abort",
                json.writeValueAsBytes(Map.of("reason", "teleport-jupiterone: " + run.failure())));
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

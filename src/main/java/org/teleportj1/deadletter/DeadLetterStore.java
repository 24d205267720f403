package org.teleportj1.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.DeliveryFailure;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.state.RunSpool;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.state.ClusterNames;
import org.teleportj1.state.OwnerOnlyFiles;
import org.teleportj1.run.SyncRun;

/**
 * The dead-letter directory: stores runs that could not be delivered (their spool plus an
 * envelope), lists, reads and purges them, and feeds a replay. Envelopes hold no secrets: the
 * reason is J1's error code and message or a network error, never a request header.
 */
public class DeadLetterStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);

    private final Path dir;
    private final ObjectMapper json;

    public DeadLetterStore(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Path dir() {
        return dir;
    }

    /** Route step: the run's whole graph and why it failed; for a replay, the failed attempt. */
    public void store(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        DeliveryFailure failure = run.delivery().failure();
        if (run.delivery().replayOf() != null) {
            DeadLetter letter = read(run.delivery().replayOf());
            addReplay(letter, run, "failed", failure == null ? null : failure.reason());
            run.delivery().deadLetter(letter.dir());
            LOG.error("Cluster '{}': replay of dead letter {} failed; it stays in {}", run.cluster(), letter.id(),
                    letter.dir());
            return;
        }
        if (run.delivery().spool() == null || !run.delivery().isGraphRead()) {
            return; // only a complete graph is worth replaying
        }
        Path target = dir.resolve(ClusterNames.checked(run.cluster())).resolve(run.runId());
        RunSpool spool = run.delivery().spool();
        Path moved = spool.moveTo(target);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("cluster", run.cluster());
        envelope.put("clusterName", run.clusterInfo() == null ? null : run.clusterInfo().clusterName());
        envelope.put("runId", run.runId());
        envelope.put("jobId", run.jobId());
        envelope.put("scope", exchange.getProperty(SyncJobApi.SCOPE, String.class));
        envelope.put("integrationInstanceId", blankToNull(exchange.getProperty(SyncJobApi.INSTANCE, String.class)));
        envelope.put("snapshotAt", run.startedAt().toString());
        envelope.put("failedAt", Instant.now().toString());
        envelope.put("status", "failed");
        envelope.put("reason", failure == null ? run.failure() : failure.reason());
        envelope.put("httpStatus", failure == null ? 0 : failure.httpStatus());
        envelope.put("attempts", failure == null ? 0 : failure.attempts());
        envelope.put("retries", run.retries());
        envelope.put("objects", run.batcher().objectCount());
        envelope.put("entities", spool.count(GraphKind.ENTITIES));
        envelope.put("relationships", spool.count(GraphKind.RELATIONSHIPS));
        envelope.put("objectsUploadedBeforeFailure", run.objectsDelivered());
        // a partial graph must be replayed as partial: its finalize keeps these types in J1
        ArrayNode partialTypes = envelope.putArray("partialTypes");
        run.delivery().partialTypes().forEach(partialTypes::add);
        ObjectNode partialResources = envelope.putObject("partialResources");
        run.partialResources().forEach(partialResources::put);
        ObjectNode counts = envelope.putObject("countsByType");
        run.batcher().countsByType().forEach(counts::put);
        envelope.putArray("replays");
        OwnerOnlyFiles.write(moved.resolve(DeadLetter.ENVELOPE), json.writeValueAsBytes(envelope));
        run.delivery().deadLetter(moved);
        LOG.error("Cluster '{}': run {} was not applied and is dead-lettered in {} ({} objects);"
                        + " send it again with 'dead-letters replay {}/{}'", run.cluster(), run.runId(), moved,
                run.batcher().objectCount(), run.cluster(), run.runId());
    }

    /** Route step after a replay was applied: marks its dead letter replayed. */
    public void replayed(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run.delivery().replayOf() == null) {
            return;
        }
        DeadLetter letter = read(run.delivery().replayOf());
        letter.envelope().put("status", "replayed");
        addReplay(letter, run, "applied", null);
        LOG.info("Cluster '{}': dead letter {} replayed as J1 job {}", run.cluster(), letter.id(), run.jobId());
    }

    /** Route step of a replay: the spooled graph as lists of batches, read lazily, in the run's batcher. */
    public Iterator<List<GraphBatch>> batches(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        return new SpoolBatches(read(run.delivery().replayOf()).dir(), run.batcher(), json);
    }

    private void addReplay(DeadLetter letter, SyncRun run, String result, String reason) throws IOException {
        ArrayNode replays = letter.envelope().withArray("replays");
        ObjectNode replay = replays.addObject();
        replay.put("at", Instant.now().toString());
        replay.put("runId", run.runId());
        replay.put("jobId", run.jobId());
        replay.put("result", result);
        if (reason != null) {
            replay.put("reason", reason);
        }
        OwnerOnlyFiles.write(letter.dir().resolve(DeadLetter.ENVELOPE), json.writeValueAsBytes(letter.envelope()));
    }

    public List<DeadLetter> list() throws IOException {
        List<DeadLetter> letters = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return letters;
        }
        try (Stream<Path> envelopes = Files.find(dir, 3, (path, attributes) ->
                path.getFileName().toString().equals(DeadLetter.ENVELOPE))) {
            for (Path envelope : envelopes.sorted().toList()) {
                Path letter = envelope.getParent();
                letters.add(read(letter.getParent().getFileName() + "/" + letter.getFileName()));
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::id));
        return letters;
    }

    public Optional<DeadLetter> find(String id) throws IOException {
        Path letter = resolve(id);
        return Files.isRegularFile(letter.resolve(DeadLetter.ENVELOPE)) ? Optional.of(read(id)) : Optional.empty();
    }

    public DeadLetter read(String id) throws IOException {
        Path letter = resolve(id);
        ObjectNode envelope = (ObjectNode) json.readTree(letter.resolve(DeadLetter.ENVELOPE).toFile());
        return new DeadLetter(id, letter, envelope);
    }

    public void purge(DeadLetter letter) throws IOException {
        OwnerOnlyFiles.deleteTree(letter.dir());
    }

    /** {@code <cluster>/<run>}, checked so an id can never point outside the directory. */
    private Path resolve(String id) {
        String[] parts = id == null ? new String[0] : id.split("/");
        if (parts.length != 2 || !parts[1].matches("[0-9A-Za-z_-]+")) {
            throw new IllegalArgumentException("a dead letter is named <cluster>/<run>, as 'dead-letters list' shows;"
                    + " got '" + id + "'");
        }
        return dir.resolve(ClusterNames.checked(parts[0])).resolve(parts[1]);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

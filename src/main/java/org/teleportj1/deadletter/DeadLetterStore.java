package org.teleportj1.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.teleportj1.state.StateJson;
import org.teleportj1.run.SyncRun;

/**
 * The dead-letter directory: stores runs that could not be delivered (their spool plus an
 * envelope), lists, reads and purges them, and feeds a replay. Envelopes hold no secrets: the
 * reason is J1's error code and message or a network error, never a request header.
 */
public class DeadLetterStore {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterStore.class);

    private final Path dir;
    private final ObjectMapper json = StateJson.mapper();

    public DeadLetterStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Route step: the run's whole graph and why it failed; for a replay, the failed attempt. */
    public void store(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        DeliveryFailure failure = run.delivery().failure();
        if (run.replay().isPresent()) {
            DeadLetter letter = read(run.replay().get().deadLetterId());
            addReplay(letter, run, "failed", failure == null ? null : failure.reason());
            run.delivery().deadLetter(letter.dir());
            LOG.error("Cluster '{}': replay of dead letter {} failed; it stays in {}", run.cluster(), letter.id(),
                    letter.dir());
            return;
        }
        if (run.delivery().spool() == null || !run.delivery().isGraphRead()) {
            return; // only a complete graph is worth replaying
        }
        Path target = unused(dir.resolve(ClusterNames.checked(run.cluster())), run.runId());
        RunSpool spool = run.delivery().spool();
        Path moved = spool.moveTo(target);
        Envelope envelope = new Envelope(run.cluster(),
                run.clusterInfo() == null ? null : run.clusterInfo().clusterName(), run.runId(), run.jobId(),
                exchange.getProperty(SyncJobApi.SCOPE, String.class),
                blankToNull(exchange.getProperty(SyncJobApi.INSTANCE, String.class)), run.startedAt(), Instant.now(),
                Envelope.FAILED, failure == null ? run.failure() : failure.reason(),
                failure == null ? 0 : failure.httpStatus(), failure == null ? 0 : failure.attempts(), run.retries(),
                run.batcher().objectCount(), spool.count(GraphKind.ENTITIES), spool.count(GraphKind.RELATIONSHIPS),
                run.objectsDelivered(),
                // a partial graph must be replayed as partial: its finalize keeps these types in J1
                run.delivery().partialTypes(), run.partialResources(),
                run.batcher().countsByType(), List.of());
        write(moved, envelope);
        run.delivery().deadLetter(moved);
        LOG.error("Cluster '{}': run {} was not applied and is dead-lettered in {} ({} objects);"
                        + " send it again with 'dead-letters replay {}/{}'", run.cluster(), run.runId(), moved,
                run.batcher().objectCount(), run.cluster(), moved.getFileName());
    }

    /**
     * The letter's directory: named after the run, or {@code <run id>-2}, {@code -3}, ... when an
     * earlier run of the cluster that started in the same second (run ids count seconds) was
     * dead-lettered too: neither letter may be lost.
     */
    private static Path unused(Path clusterDir, String runId) {
        Path target = clusterDir.resolve(runId);
        for (int n = 2; Files.exists(target); n++) {
            target = clusterDir.resolve(runId + "-" + n);
        }
        return target;
    }

    /** Route step after a replay was applied: marks its dead letter replayed. */
    public void replayed(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run.replay().isEmpty()) {
            return;
        }
        DeadLetter letter = read(run.replay().get().deadLetterId());
        addReplay(letter, run, "applied", null);
        LOG.info("Cluster '{}': dead letter {} replayed as J1 job {}", run.cluster(), letter.id(), run.jobId());
    }

    /** Route step of a replay: the spooled graph as lists of batches, read lazily, in the run's batcher. */
    public Iterator<List<GraphBatch>> batches(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        return new SpoolBatches(read(run.replay().orElseThrow().deadLetterId()).dir(), run.batcher(), json);
    }

    private void addReplay(DeadLetter letter, SyncRun run, String result, String reason) throws IOException {
        Envelope.Replay replay = new Envelope.Replay(Instant.now(), run.runId(), run.jobId(), result, reason);
        write(letter.dir(), letter.envelope().withReplay(replay, "applied".equals(result)));
    }

    private void write(Path letter, Envelope envelope) throws IOException {
        OwnerOnlyFiles.write(letter.resolve(DeadLetter.ENVELOPE), json.writeValueAsBytes(envelope));
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
        return new DeadLetter(id, letter, json.readValue(letter.resolve(DeadLetter.ENVELOPE).toFile(), Envelope.class));
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

package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;

/** The comparison runs beside the run only when its index fits the heap share it may take, and writes nothing. */
class CompareChangesTest {
    @TempDir
    Path dir;

    private final SyncRun run = new SyncRun("lab", null, DeliveryMode.JUPITERONE, null, Instant.now());

    @Test
    void aBaselineWhoseIndexFitsIsComparedAtOnceAndNothingIsWritten() throws Exception {
        ChangeReporter changes = reporterWithBaseline("u:1", "u:2");
        Exchange exchange = exchange(graph("run-2", "u:2", "u:3"));
        Path reports = dir.resolve("lab").resolve("jupiterone");
        byte[] baseline = Files.readAllBytes(reports.resolve(FingerprintState.HEADER));

        CompareChanges early = new CompareChanges(changes, KeyIndex.bytesFor(2));
        early.index(exchange);
        early.compare(exchange);

        ChangeReport report = (ChangeReport) exchange.getProperty(CompareChanges.PROPERTY, CompletableFuture.class).get();
        assertEquals(1, report.added());
        assertEquals(1, report.removed());
        // the report is recorded only once the run succeeded (RecordRun)
        assertFalse(Files.exists(reports.resolve(ChangeReporter.REPORT_FILE)), "a report was written");
        assertArrayEquals(baseline, Files.readAllBytes(reports.resolve(FingerprintState.HEADER)), "the baseline moved");
    }

    @Test
    void aBaselineWhoseIndexDoesNotFitWaitsForTheEnd() {
        ChangeReporter changes = reporterWithBaseline("u:1", "u:2");
        Exchange exchange = exchange(graph("run-2", "u:2", "u:3"));

        CompareChanges early = new CompareChanges(changes, KeyIndex.bytesFor(2) - 1);
        early.index(exchange);
        early.compare(exchange);

        assertNull(exchange.getProperty(CompareChanges.INDEXING));
        assertNull(exchange.getProperty(CompareChanges.PROPERTY));
    }

    private FingerprintState state() {
        return new FingerprintState(new StateDirectory(dir), new ObjectMapper());
    }

    private ChangeReporter reporterWithBaseline(String... keys) {
        state().write("lab", "jupiterone", "run-1", Instant.EPOCH, graph("run-1", keys));
        return new ChangeReporter(state(), new ObjectMapper());
    }

    private GraphFingerprints graph(String runId, String... keys) {
        GraphFingerprints graph = GraphFingerprints.create(state().runFile("lab", "jupiterone", runId));
        for (String key : keys) {
            graph.add(Map.of("_key", key, "_type", "user"), key.getBytes(StandardCharsets.UTF_8));
        }
        return graph;
    }

    private Exchange exchange(GraphFingerprints graph) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(SyncRun.PROPERTY, run);
        exchange.setProperty(GraphFingerprints.PROPERTY, graph);
        return exchange;
    }
}

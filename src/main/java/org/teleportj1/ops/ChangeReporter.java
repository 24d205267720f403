package org.teleportj1.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.concurrent.Background;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.OwnerOnlyFiles;

/**
 * After a successful run: compares its graph with the cluster's last successful run, logs the
 * change report and its sentences, writes them to {@code changes.json} (keys, for machines) and
 * {@code changes.txt} (sentences, for people) in the target's change-report directory, and makes
 * this run the new baseline of that target.
 */
public class ChangeReporter {
    static final String REPORT_FILE = "changes.json";
    /** The sentences, for people. */
    static final String SENTENCES_FILE = "changes.txt";
    /** Keys listed per _type and kind of change in the log; the file has all of them. */
    private static final int KEYS_LOGGED = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeReporter.class);

    private final FingerprintState state;
    private final ObjectMapper json;

    public ChangeReporter(FingerprintState state, ObjectMapper json) {
        this.state = state;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public ChangeReport report(SyncRun run, GraphFingerprints graph) {
        return report(run, graph, null);
    }

    /** With {@code details} (may be null) the report also says in sentences what changed ({@link ChangeSentences}). */
    public ChangeReport report(SyncRun run, GraphFingerprints graph, ReadableState details) {
        return record(run, graph, details, compare(run, graph));
    }

    /** Compares the run's graph (closing it) with the baseline; writes nothing. */
    public ChangeReport compare(SyncRun run, GraphFingerprints graph) {
        FingerprintState.Baseline baseline = state.read(run.cluster(), run.mode().target()).orElse(null);
        return ChangeReport.compare(run.cluster(), run.runId(), baseline, graph);
    }

    /** A baseline and its index, being read on {@code executor}. */
    record Indexing(FingerprintState.Baseline baseline, CompletableFuture<GraphComparison.Indexed> index) {
    }

    /**
     * Starts reading the baseline of the run's target into an index on {@code executor}, if there
     * is one whose index takes at most {@code maxBytes}; otherwise null.
     */
    Indexing startIndexing(SyncRun run, long maxBytes, Executor executor) {
        FingerprintState.Baseline baseline = state.read(run.cluster(), run.mode().target()).orElse(null);
        if (baseline == null || KeyIndex.bytesFor(baseline.objects()) > maxBytes) {
            return null;
        }
        return new Indexing(baseline, CompletableFuture.supplyAsync(
                () -> GraphComparison.index(baseline.file(), baseline.objects()), executor));
    }

    /** Compares the run's graph (closing it) with the baseline {@code indexing} read; writes nothing. */
    ChangeReport compare(SyncRun run, GraphFingerprints graph, Indexing indexing) {
        return ChangeReport.compare(run.cluster(), run.runId(), indexing.baseline(), graph,
                () -> Background.join(indexing.index()));
    }

    /**
     * Logs and writes {@code report} of the run, which succeeded, and makes its graph the new
     * baseline; with {@code details} (may be null) also the sentences.
     */
    public ChangeReport record(SyncRun run, GraphFingerprints graph, ReadableState details, ChangeReport report) {
        String target = run.mode().target();
        Path dir = state.dir(run.cluster(), target);
        LOG.info("{}", report.table(KEYS_LOGGED));
        List<String> sentences = details == null ? List.of()
                : ChangeSentences.of(report, ReadableState.read(dir, json).orElseGet(ReadableState::new), details);
        if (!sentences.isEmpty()) {
            LOG.info("What changed in cluster '{}':{}{}", run.cluster(), System.lineSeparator(), bullets(sentences));
        }
        write(report, sentences, reportFile(run.cluster(), target));
        writeText(sentences, report, dir.resolve(SENTENCES_FILE));
        state.write(run.cluster(), target, run.runId(), run.finishedAt(), graph);
        if (details != null) {
            details.write(dir, json);
        }
        return report;
    }

    private static String bullets(List<String> sentences) {
        return String.join(System.lineSeparator(), sentences.stream().map(sentence -> "  - " + sentence).toList());
    }

    private static void writeText(List<String> sentences, ChangeReport report, Path file) {
        String text = report.firstRun() ? "First successful run of cluster '" + report.cluster() + "' (run "
                + report.runId() + "): nothing to compare with yet." + System.lineSeparator()
                : "Changes in cluster '" + report.cluster() + "' in run " + report.runId() + " since run "
                + report.baselineRunId() + ":" + System.lineSeparator()
                + (sentences.isEmpty() ? "  (none that a sentence describes; see " + REPORT_FILE + ")"
                : bullets(sentences)) + System.lineSeparator();
        try {
            OwnerOnlyFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change report " + file, e);
        }
    }

    public Path reportFile(String cluster, String target) {
        return state.dir(cluster, target).resolve(REPORT_FILE);
    }

    private void write(ChangeReport report, List<String> sentences, Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cluster", report.cluster());
        document.put("runId", report.runId());
        document.put("comparedWithRunId", report.baselineRunId());
        document.put("comparedWithSucceededAt", report.baselineAt() == null ? null : report.baselineAt().toString());
        document.put("firstRun", report.firstRun());
        document.put("added", report.added());
        document.put("removed", report.removed());
        document.put("changed", report.changed());
        document.put("sentences", sentences);
        document.put("byType", report.byType());
        try {
            OwnerOnlyFiles.write(file, json.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change report " + file, e);
        }
    }
}

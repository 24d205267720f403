package org.teleportj1.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.teleportj1.state.OwnerOnlyFiles;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.SyncRun;

/**
 * After a successful run: compares its graph with the cluster's last successful run, logs the
 * change report, writes it to {@code changes.json} in the target's change-report directory, and
 * makes this run the new baseline of that target.
 */
public class ChangeReporter {
    static final String REPORT_FILE = "changes.json";
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
        String target = run.mode().target();
        FingerprintState.Baseline baseline = state.read(run.cluster(), target).orElse(null);
        ChangeReport report = ChangeReport.compare(run.cluster(), run.runId(), state, baseline, graph);
        LOG.info("{}", report.table(KEYS_LOGGED));
        write(report, reportFile(run.cluster(), target));
        state.write(run.cluster(), target, run.runId(), run.finishedAt(), graph);
        return report;
    }

    public Path reportFile(String cluster, String target) {
        return state.dir(cluster, target).resolve(REPORT_FILE);
    }

    private void write(ChangeReport report, Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cluster", report.cluster());
        document.put("runId", report.runId());
        document.put("comparedWithRunId", report.baselineRunId());
        document.put("comparedWithSucceededAt", report.baselineAt() == null ? null : report.baselineAt().toString());
        document.put("firstRun", report.firstRun());
        document.put("added", report.added());
        document.put("removed", report.removed());
        document.put("changed", report.changed());
        document.put("byType", report.byType());
        try {
            OwnerOnlyFiles.write(file, json.writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change report " + file, e);
        }
    }
}

package org.teleportj1.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of a finished run, for summary.json and the log. */
public final class RunSummary {

    private RunSummary() {
    }

    public static Map<String, Object> of(SyncRun run) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cluster", run.cluster());
        summary.put("clusterName", run.clusterInfo() == null ? null : run.clusterInfo().clusterName());
        summary.put("runId", run.runId());
        summary.put("delivery", run.isDryRun() ? "dry-run" : "jupiterone");
        summary.put("result", run.result().name().toLowerCase(java.util.Locale.ROOT));
        if (run.failure() != null) {
            summary.put("failure", run.failure());
        }
        if (!run.partialResources().isEmpty()) {
            summary.put("partialResources", run.partialResources());
        }
        if (!run.unreadResources().isEmpty()) {
            summary.put("unreadResources", run.unreadResources());
        }
        if (!run.delivery().partialTypes().isEmpty()) {
            summary.put("partialTypes", run.delivery().partialTypes());
        }
        if (run.jobId() != null) {
            summary.put("jobId", run.jobId());
        }
        summary.put("startedAt", run.startedAt().toString());
        summary.put("durationMillis", run.duration().toMillis());
        summary.put("objects", run.batcher().objectCount());
        summary.put("bytes", run.batcher().byteCount());
        summary.put("batchesDelivered", run.batchesDelivered());
        summary.put("retries", run.retries());
        if (run.delivery().trimmedObjects() > 0) {
            summary.put("trimmedObjects", run.delivery().trimmedObjects());
        }
        if (run.delivery().jobStatus() != null) {
            summary.put("jobStatus", run.delivery().jobStatus());
            summary.put("jobCounts", run.delivery().jobCounts());
        }
        if (run.delivery().deadLetter() != null) {
            summary.put("deadLetter", run.delivery().deadLetter().toString());
        }
        summary.put("pages", run.progress().pages());
        summary.put("countsByType", run.batcher().countsByType());
        return summary;
    }

    /** A table for the log: pages read per resource, objects per _type, then the totals. */
    public static String table(SyncRun run) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Sync of cluster '%s' %s in %.1f s (run %s, %s)%n", run.cluster(),
                verdict(run.result()), run.duration().toMillis() / 1000.0,
                run.runId(), run.isDryRun() ? "dry run" : "JupiterOne job " + run.jobId()));
        run.progress().totals().forEach((resource, read) -> out.append(String.format(
                "  read %-43s %9d in %d pages (%.0f /s)%n", resource, read.items(), read.pages(), read.perSecond())));
        run.batcher().countsByType().forEach((type, count) ->
                out.append(String.format("  %-48s %9d%n", type, count)));
        out.append(String.format("  %-48s %9d%n", "total objects", run.batcher().objectCount()));
        out.append(String.format("  %-48s %9d%n", "batches delivered", run.batchesDelivered()));
        out.append(String.format("  %-48s %9d%n", "retried requests", run.retries()));
        out.append(String.format("  %-48s %9s%n", "result", run.result().name().toLowerCase(java.util.Locale.ROOT)));
        if (!run.isDryRun()) {
            out.append(String.format("  %-48s %9d%n", "objects uploaded", run.objectsDelivered()));
            if (run.delivery().trimmedObjects() > 0) {
                out.append(String.format("  %-48s %9d%n", "objects trimmed to fit", run.delivery().trimmedObjects()));
            }
            if (run.delivery().jobStatus() != null) {
                out.append(String.format("  J1 job %s %s: %s%n", run.jobId(), run.delivery().jobStatus(),
                        run.delivery().jobCounts()));
            }
        }
        run.partialResources().forEach((resource, reason) -> out.append("  not read: ").append(resource)
                .append(": ").append(reason).append(System.lineSeparator()));
        run.unreadResources().forEach((resource, reason) -> out.append("  not read (optional): ").append(resource)
                .append(": ").append(reason).append(System.lineSeparator()));
        if (!run.delivery().partialTypes().isEmpty()) {
            out.append("  partial types (J1 keeps, does not delete): ").append(run.delivery().partialTypes())
                    .append(System.lineSeparator());
        }
        if (run.failure() != null) {
            out.append("  reason: ").append(run.failure()).append(System.lineSeparator());
        }
        if (run.delivery().deadLetter() != null) {
            out.append("  dead letter: ").append(run.delivery().deadLetter())
                    .append(" (dead-letters show / replay)").append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }

    private static String verdict(RunResult result) {
        return switch (result) {
            case SUCCEEDED -> "succeeded";
            case PARTIAL -> "PARTIALLY succeeded";
            default -> "FAILED";
        };
    }
}

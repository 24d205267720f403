package org.teleportj1.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of what a cluster keeps between runs, {@code <state-dir>/<cluster>/}:
 * {@code state.json} (last applied run per delivery target, remembered SSO users, the run in
 * progress), {@code run.lock}, {@code spool/<run>/} (the graph of the J1 run in progress) and
 * {@code <target>/} (that target's change-report baseline and report). Runs of a cluster are
 * serialized by its run lock, so within one run this object is the only writer.
 */
public final class ClusterState {
    static final String FILE = "state.json";
    private static final String SPOOLS = "spool";
    private static final String FINGERPRINTS = ".fingerprints-";
    private static final List<String> LEGACY_BASELINE = List.of("last-success.ndjson.gz", "last-success.json",
            "changes.json");
    private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);

    private final String cluster;
    private final Path dir;
    private final Path legacyFile;
    private final ClusterLocks locks;
    private final ObjectMapper json;
    /**
     * The state as last read or written, with the file's time and size then: a run reads and
     * rewrites state.json several times, and with many remembered SSO users it is megabytes of
     * JSON. Another process only replaces it under the run lock (a rename: a new file key).
     */
    private Cached cached;

    private record Cached(StateFile state, Object fileKey, FileTime modified, long size) {
        boolean describes(BasicFileAttributes file) {
            return Objects.equals(fileKey, file.fileKey()) && modified.equals(file.lastModifiedTime())
                    && size == file.size();
        }
    }

    ClusterState(Path root, String cluster, ClusterLocks locks, ObjectMapper json) {
        this.cluster = ClusterNames.checked(cluster);
        this.dir = root.resolve(this.cluster);
        this.legacyFile = root.resolve(this.cluster + ".state.json");
        this.locks = locks;
        this.json = json;
    }

    public String cluster() {
        return cluster;
    }

    public Path dir() {
        return dir;
    }

    /** Takes the cluster's run lock (one run per cluster, also across processes), or says who holds it. */
    public ClusterLocks.Lease lock(String holder) throws IOException {
        return locks.acquire(cluster, holder);
    }

    /** The last run {@code target} applied; the deletion guard compares with it, replay refuses older snapshots. */
    public synchronized Optional<LastSuccess> lastApplied(String target) {
        return Optional.ofNullable(read().lastApplied().get(target));
    }

    public void applied(String target, LastSuccess run) {
        applied(target, run, UnaryOperator.identity());
    }

    /** Records the applied run and, in the same write, the SSO users to remember from what was remembered. */
    public synchronized void applied(String target, LastSuccess run, UnaryOperator<Map<String, Instant>> users) {
        StateFile state = read();
        write(state.applied(target, run).remembering(users.apply(state.rememberedUsers())));
    }

    /** SSO users of earlier runs and when they were last seen. */
    public synchronized Map<String, Instant> rememberedUsers() {
        return read().rememberedUsers();
    }

    /**
     * The first thing a run does once it holds the lock: if a run of this cluster died (its record
     * is still here, or its files are), removes its spool and fingerprint files and returns it, so
     * the caller can abort the J1 job it had opened. Then records {@code run} as in progress.
     */
    public synchronized Optional<RunInProgress> start(RunInProgress run) {
        StateFile state = read();
        Optional<RunInProgress> dead = Optional.ofNullable(state.runInProgress());
        List<Path> leftOver = leftOverFiles();
        for (Path file : leftOver) {
            try {
                OwnerOnlyFiles.deleteTree(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ", left by a run of cluster '" + cluster
                        + "' that did not finish: " + e.getMessage(), e);
            }
        }
        if (dead.isPresent() || !leftOver.isEmpty()) {
            LOG.warn("Cluster '{}': run {} did not finish (its process stopped); removed what it left: {}{}", cluster,
                    dead.map(RunInProgress::runId).orElse("?"), leftOver.isEmpty() ? "no files" : leftOver,
                    dead.map(RunInProgress::jobId).map(job -> "; its J1 sync job " + job + " is aborted").orElse(""));
        }
        adoptLegacyBaseline(run.target());
        write(state.running(run));
        return dead;
    }

    /**
     * Earlier versions kept one change-report baseline per cluster, directly in its directory: the
     * first run after an upgrade makes it its target's, so its report still compares.
     */
    private void adoptLegacyBaseline(String target) {
        try {
            for (String name : LEGACY_BASELINE) {
                Path legacy = dir.resolve(name);
                Path adopted = changeReportDir(target).resolve(name);
                if (Files.isRegularFile(legacy) && !Files.exists(adopted)) {
                    OwnerOnlyFiles.directories(adopted.getParent());
                    Files.move(legacy, adopted);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the change-report baseline of cluster '" + cluster + "' into "
                    + changeReportDir(target) + ": " + e.getMessage(), e);
        }
    }

    /** The run opened a J1 sync job: a crash from now on leaves a job to abort. */
    public synchronized void jobOpened(String runId, String jobId) {
        StateFile state = read();
        if (state.runInProgress() != null && state.runInProgress().runId().equals(runId)) {
            write(state.running(state.runInProgress().withJob(jobId)));
        }
    }

    /** The run ended, however: nothing of it needs cleaning up any more. */
    public synchronized void end(String runId) {
        StateFile state = read();
        if (state.runInProgress() != null && state.runInProgress().runId().equals(runId)) {
            write(state.running(null));
        }
    }

    /** Where a J1 run spools its graph. */
    public Path spool(String runId) {
        return dir.resolve(SPOOLS).resolve(runId);
    }

    /** The change-report baseline and report of one delivery target (a dry run never touches J1's). */
    public Path changeReportDir(String target) {
        return dir.resolve(ClusterNames.checked(target));
    }

    /** Where a run in progress writes its fingerprints for the change report. */
    public Path fingerprints(String target, String runId) {
        return changeReportDir(target).resolve(FINGERPRINTS + runId + ".gz");
    }

    private List<Path> leftOverFiles() {
        List<Path> files = new ArrayList<>();
        try {
            if (Files.isDirectory(dir.resolve(SPOOLS))) {
                try (Stream<Path> spools = Files.list(dir.resolve(SPOOLS))) {
                    spools.forEach(files::add);
                }
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> found = Files.find(dir, 2, (path, attributes) ->
                        path.getFileName().toString().startsWith(FINGERPRINTS))) {
                    found.forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state directory " + dir + ": " + e.getMessage(), e);
        }
        return files.stream().sorted().toList();
    }

    private synchronized StateFile read() {
        Path file = dir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (cached != null && cached.describes(attributes)) {
                    return cached.state();
                }
                StateFile state = json.readValue(file.toFile(), StateFile.class);
                cached = new Cached(state, attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
                return state;
            }
            if (Files.isRegularFile(legacyFile)) {
                return fromLegacyFile();
            }
            return StateFile.empty(cluster);
        } catch (IOException e) {
            throw new IllegalStateException("The state file " + file + " of cluster '" + cluster + "' cannot be read ("
                    + e.getMessage() + "). Move it away to start afresh: the next run then has no deletion guard"
                    + " baseline and reports every object as added.", e);
        }
    }

    /** {@code <cluster>.state.json} of earlier versions: J1's last applied run. */
    private StateFile fromLegacyFile() throws IOException {
        LastSuccess last = json.treeToValue(json.readTree(legacyFile.toFile()).path("lastSuccess"), LastSuccess.class);
        return last == null ? StateFile.empty(cluster) : StateFile.empty(cluster).applied("jupiterone", last);
    }

    private synchronized void write(StateFile state) {
        try {
            OwnerOnlyFiles.directories(dir);
            Path file = dir.resolve(FILE);
            cached = null;
            OwnerOnlyFiles.write(file, json.writeValueAsBytes(state));
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            cached = new Cached(state, attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
            Files.deleteIfExists(legacyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state of cluster '" + cluster + "' to " + dir
                    + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory): " + e.getMessage(), e);
        }
    }
}

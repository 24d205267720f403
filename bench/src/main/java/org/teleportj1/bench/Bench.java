package org.teleportj1.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark of issue 7. For each size: starts the infrastructure JVM (sandbox Teleport cluster at
 * that size plus the J1 stand-in), runs the real pipeline in fresh {@code -Xmx512m} JVMs (the first
 * run's requests are recorded), the raw baseline (plain grpc-java paging + replay of the recorded
 * bytes) and a raw baseline with the product's mapping, then, for the fault size, a run where J1
 * answers 10% of requests with 429/503 and Teleport fails one ListUsers page with UNAVAILABLE.
 * Prints a table and writes {@code target/bench/results.json} and {@code results.txt}.
 *
 * <p>System properties: {@code bench.sizes} (10000,100000), {@code bench.repeat} (2),
 * {@code bench.faultSize} (largest size; 0 = no fault run), {@code bench.heap} (512m),
 * {@code bench.jvmArgs} (extra flags for the measured JVMs), {@code bench.faultRetryDelayMs} (200),
 * {@code bench.pipelineProps} (extra key=value settings for the pipeline runs, comma separated),
 * {@code bench.raw} (true: the raw baselines too), {@code bench.warm} (true: a sync measured after
 * {@code bench.warmups} (3) others in the same JVM, as 'run' does after its first schedules),
 * {@code bench.rawRepeat} (bench.repeat),
 * {@code bench.heaps} (1000000=1g: the measured heap of those sizes), {@code bench.infraHeap}
 * (10 MB per thousand users, at least 3 GB), {@code bench.watch} (true: the watch scenario,
 * {@link WatchScenario}), {@code bench.watchHeap} (1g), {@code bench.out} (target/bench).
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Issue 16's targets: 100k users in 12 s, within 1.2x of the sequential raw baseline at 10k and 100k, 1M in 4 min. */
    private static final long TARGET_WALL_100K_MILLIS = 12_000;
    private static final long TARGET_WALL_1M_MILLIS = 240_000;
    private static final double TARGET_RATIO = 1.2;
    private static final double TARGET_LIVE_HEAP_GROWTH_100K_TO_1M = 4.0;

    private final Path out;
    private final String heap;
    private final Map<Integer, String> heaps;
    /** Syncs before the measured one in the warm row. */
    private static final int WARMUPS = 3;
    private final List<String> jvmArgs;
    private final String classpath = System.getProperty("java.class.path");
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final ObjectNode report = JSON.createObjectNode();

    private Bench(Path out, String heap, Map<Integer, String> heaps, List<String> jvmArgs) {
        this.out = out;
        this.heap = heap;
        this.heaps = heaps;
        this.jvmArgs = jvmArgs;
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int repeat = Integer.getInteger("bench.repeat", 2);
        if (System.getProperty("bench.rawRepeat", "").isBlank()) {
            System.setProperty("bench.rawRepeat", String.valueOf(repeat));
        }
        int largest = Arrays.stream(sizes).max().orElse(0);
        int faultSize = Integer.getInteger("bench.faultSize", largest);
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        Bench bench = new Bench(Path.of(System.getProperty("bench.out", "target/bench")),
                System.getProperty("bench.heap", "512m"), heaps(System.getProperty("bench.heaps", "1000000=1g")),
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")));
        Files.createDirectories(bench.out.resolve("logs"));
        bench.machine();
        ArrayNode results = bench.report.putArray("sizes");
        for (int size : sizes) {
            results.add(bench.size(size, repeat, size == faultSize));
        }
        if (faultSize > 0 && Arrays.stream(sizes).noneMatch(s -> s == faultSize)) {
            results.add(bench.size(faultSize, 0, true));
        }
        bench.verdict();
        String text = Report.text(bench.report);
        System.out.println(text);
        Files.writeString(bench.out.resolve("results.txt"), text);
        Files.writeString(bench.out.resolve("results.json"), JSON.writeValueAsString(bench.report));
        System.out.println("Written: " + bench.out.resolve("results.json") + ", " + bench.out.resolve("results.txt"));
        System.exit(bench.report.path("verdict").path("allChecksPassed").asBoolean() ? 0 : 1);
    }

    /** {@code 1000000=1g,300000=768m}: the measured JVMs' heap for those sizes (bench.heap for the others). */
    private static Map<Integer, String> heaps(String spec) {
        Map<Integer, String> heaps = new TreeMap<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length == 2) {
                heaps.put(Integer.parseInt(parts[0].trim()), parts[1].trim());
            }
        }
        return heaps;
    }

    private String heapFor(int users) {
        return heaps.getOrDefault(users, heap);
    }

    /** The sandbox holds the whole cluster: about 10 MB per thousand users, at least 3 GB. */
    private static String infraHeap(int users) {
        String heap = System.getProperty("bench.infraHeap", "").trim();
        return heap.isEmpty() ? Math.max(3072, users / 100) + "m" : heap;
    }

    private void machine() throws IOException {
        ObjectNode machine = report.putObject("machine");
        machine.put("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memTotal", procLine("/proc/meminfo", "MemTotal"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("measuredJvmFlags", String.join(" ", measuredFlags(heap)));
        machine.put("measuredHeapsBySize", heaps.toString());
        machine.put("loadAverageAtStart", loadAverage());
    }

    private ObjectNode size(int users, int repeat, boolean fault) throws Exception {
        ObjectNode node = JSON.createObjectNode();
        node.put("users", users);
        log("=== size " + users + ": starting the sandbox cluster and J1 stand-in");
        // the runs of a size share one state: the first run has no baseline, the later ones (and the
        // fault run) compare with the run before, as every run after a cluster's first does
        Path state = out.resolve("state").resolve(String.valueOf(users));
        deleteTree(state);
        try (Infra infra = new Infra(users, out.resolve("logs/infra-" + users + ".log"))) {
            node.set("cluster", infra.hello);
            Path spool = out.resolve("spool-" + users + ".bin");
            ArrayNode pipelines = node.putArray("pipeline");
            JsonNode reference = null;
            for (int i = 1; i <= Math.max(repeat, fault ? 1 : 0); i++) {
                infra.command("reset");
                if (i == 1) {
                    infra.command("record " + spool.toAbsolutePath());
                }
                ObjectNode run = pipeline(infra, "pipeline-" + users + "-" + i, users, List.of());
                run.put("changeReport", i == 1 ? "first run: nothing to compare" : "compared with the run before");
                infra.command("norecord");
                run.set("standIn", infra.command("stats"));
                check(run, run.path("objects").asLong(), false, 1);
                pipelines.add(run);
                if (reference == null) {
                    reference = run;
                }
            }
            if (reference != null && Boolean.parseBoolean(System.getProperty("bench.warm", "true"))) {
                // as the 'run' command does after its first schedules: the JIT has settled (after one
                // sync the compiler still used about as much CPU as the run's thread; after three, a
                // third to a half of it)
                infra.command("reset");
                ObjectNode warm = pipeline(infra, "warm-" + users, users, List.of(),
                        List.of("-Dbench.warmups=" + Integer.getInteger("bench.warmups", WARMUPS)));
                warm.put("changeReport", "compared with the run before");
                warm.set("standIn", infra.command("stats"));
                check(warm, reference.path("objects").asLong(), false, 1 + warm.path("warmups").asInt());
                node.set("warm", warm);
            }
            if (repeat > 0 && Boolean.parseBoolean(System.getProperty("bench.raw", "true"))) {
                ArrayNode raws = node.putArray("raw");
                for (int i = 1; i <= Integer.getInteger("bench.rawRepeat", repeat); i++) {
                    infra.command("reset");
                    ObjectNode raw = scenario("raw-" + users + "-" + i, BaselineScenario.class, List.of("raw",
                            infra.hello.path("teleportAddress").asText(), infra.hello.path("identityFile").asText(),
                            infra.hello.path("j1BaseUrl").asText(), spool.toAbsolutePath().toString()), users);
                    raw.set("standIn", infra.command("stats"));
                    raws.add(raw);
                }
                infra.command("reset");
                ObjectNode rawMap = scenario("raw-map-" + users, BaselineScenario.class, List.of("raw-map",
                        infra.hello.path("teleportAddress").asText(), infra.hello.path("identityFile").asText(),
                        infra.hello.path("j1BaseUrl").asText()), users);
                rawMap.set("standIn", infra.command("stats"));
                node.set("rawMap", rawMap);
            }
            Files.deleteIfExists(spool);
            if (fault) {
                infra.command("reset");
                infra.command("j1faults 0.1");
                infra.command("unavailable ListUsers 2");
                ObjectNode run = pipeline(infra, "fault-" + users, users, List.of(
                        "j1.retry.initial-delay-ms=" + Integer.getInteger("bench.faultRetryDelayMs", 200)));
                run.set("standIn", infra.command("stats"));
                infra.command("normal");
                run.put("referenceObjects", reference.path("objects").asLong());
                run.put("referenceListUsersCalls",
                        reference.path("standIn").path("teleportCalls").path("ListUsers").asLong());
                check(run, reference.path("objects").asLong(), true, 1);
                node.set("fault", run);
            }
        }
        if (Boolean.parseBoolean(System.getProperty("bench.watch", "true"))) {
            // its own sandbox in its JVM: the scenario changes the cluster while 'run' watches it
            ObjectNode watch = scenario("watch-" + users, WatchScenario.class, List.of(String.valueOf(users)), users,
                    List.of("-Xmx" + System.getProperty("bench.watchHeap", "1g")));
            node.set("watch", watch);
            log("    watch: " + watch);
        }
        summarize(node);
        return node;
    }

    private ObjectNode pipeline(Infra infra, String name, int users, List<String> extra) throws Exception {
        return pipeline(infra, name, users, extra, List.of());
    }

    private ObjectNode pipeline(Infra infra, String name, int users, List<String> extra, List<String> flags)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "teleport.address=" + infra.hello.path("teleportAddress").asText(),
                "teleport.identity-file=" + infra.hello.path("identityFile").asText(),
                "teleport.connect-mode=direct",
                "j1.api-base-url=" + infra.hello.path("j1BaseUrl").asText(),
                "j1.api-key=bench-key",
                "j1.account-id=bench-account",
                "j1.scope=teleport-bench",
                "sync.output-dir=" + out.resolve("output").toAbsolutePath(),
                // one history per size: otherwise the deletion guard (rightly) refuses a 10k run
                // after a 100k one, and the change report compares unrelated graphs
                "sync.state-dir=" + out.resolve("state").resolve(String.valueOf(users)).toAbsolutePath(),
                "sync.dead-letter-dir=" + out.resolve("dead-letters").resolve(name).toAbsolutePath()));
        // -Dbench.pipelineProps=key=value,key=value: extra settings for every pipeline run
        for (String property : System.getProperty("bench.pipelineProps", "").split(",")) {
            if (property.contains("=")) {
                args.add(property.trim());
            }
        }
        args.addAll(extra);
        return scenario(name, PipelineScenario.class, args, users, flags);
    }

    /** Forks a measured JVM, waits for it and returns its BENCH-RESULT. */
    private ObjectNode scenario(String name, Class<?> main, List<String> args, int users) throws Exception {
        return scenario(name, main, args, users, List.of());
    }

    private ObjectNode scenario(String name, Class<?> main, List<String> args, int users, List<String> flags)
            throws Exception {
        Path logFile = out.resolve("logs/" + name + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(measuredFlags(heapFor(users)));
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, main.getName()));
        command.addAll(args);
        String load = loadAverage();
        log(String.format(Locale.ROOT, "--- %s (load %s)", name, load));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        boolean finished = process.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        long processMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<String> lines = Files.readAllLines(logFile);
        String line = lines.stream().filter(l -> l.startsWith(PipelineScenario.RESULT)).reduce((a, b) -> b).orElse(null);
        if (line == null) {
            // one failed scenario is a result row, not the end of the bench
            return failed(name, !finished ? "did not finish in 20 minutes"
                    : lines.stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError"))
                            ? "out of memory with -Xmx" + heapFor(users) : "exit " + process.exitValue() + ", no result",
                    processMillis, logFile);
        }
        ObjectNode result = (ObjectNode) JSON.readTree(line.substring(PipelineScenario.RESULT.length()));
        result.put("name", name);
        result.put("processMillis", processMillis);
        result.put("loadAverageBefore", load);
        result.put("log", logFile.toString());
        result.put("heap", heapFor(users));
        log(String.format(Locale.ROOT, "    %s in %.1f s (run %.1f s), peak heap %d MB, live heap %d MB, RSS %d MB",
                result.path("result").asText(), processMillis / 1000.0, result.path("runMillis").asLong() / 1000.0,
                mb(result.path("peakHeapSampledBytes").asLong()), mb(result.path("peakLiveHeapAfterGcBytes").asLong()),
                mb(result.path("rssPeakBytes").asLong())));
        return result;
    }

    private static ObjectNode failed(String name, String reason, long processMillis, Path logFile) {
        ObjectNode result = JSON.createObjectNode();
        result.put("name", name);
        result.put("result", "FAILED");
        result.put("scenarioFailure", reason);
        result.put("processMillis", processMillis);
        result.put("log", logFile.toString());
        log(String.format(Locale.ROOT, "    FAILED after %.1f s: %s; see %s", processMillis / 1000.0, reason, logFile));
        return result;
    }

    private List<String> measuredFlags(String maxHeap) {
        List<String> flags = new ArrayList<>();
        flags.add("-Xmx" + maxHeap);
        // an out-of-memory JVM may linger with live threads; this makes it a prompt FAILED row instead
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.addAll(jvmArgs);
        return flags;
    }

    /** Delivered exactly: every object accepted once per sync, one job and one finalize each, nothing aborted. */
    private static void check(ObjectNode run, long expectedObjects, boolean fault, int syncs) {
        JsonNode j1 = run.path("standIn").path("j1");
        ObjectNode checks = run.putObject("checks");
        checks.put("succeeded", "SUCCEEDED".equals(run.path("result").asText()));
        checks.put("objectsAcceptedMatch", j1.path("acceptedObjects").asLong() == expectedObjects * syncs
                && run.path("objects").asLong() == expectedObjects);
        checks.put("oneJob", j1.path("jobsStarted").asLong() == syncs);
        checks.put("oneFinalize", j1.path("finalizesAccepted").asLong() == syncs);
        checks.put("noAbort", j1.path("aborts").asLong() == 0);
        if (fault) {
            checks.put("j1FaultsInjected", j1.path("faulted").asLong() > 0);
            checks.put("teleportUnavailableRetried", run.path("standIn").path("teleportCalls").path("ListUsers").asLong()
                    == run.path("referenceListUsersCalls").asLong() + 1);
        }
        boolean all = true;
        for (JsonNode check : checks) {
            all &= check.asBoolean();
        }
        checks.put("all", all);
    }

    private static void summarize(ObjectNode node) {
        // a run that compared with the one before is what every run after a cluster's first does
        JsonNode best = best(node.path("pipeline"), "compared");
        if (best == null) {
            best = best(node.path("pipeline"), "");
        }
        JsonNode raw = best(node.path("raw"), "");
        if (best != null) {
            node.set("bestPipeline", best);
        }
        if (best != null && raw != null) {
            node.set("bestRaw", raw);
            node.put("ratioPipelineToRaw", round(best.path("runMillis").asDouble() / raw.path("runMillis").asDouble()));
            JsonNode warm = node.path("warm");
            if (!warm.isMissingNode() && !warm.has("scenarioFailure")) {
                node.put("ratioWarmToRaw", round(warm.path("runMillis").asDouble() / raw.path("runMillis").asDouble()));
            }
            JsonNode rawMap = node.path("rawMap");
            if (!rawMap.isMissingNode() && !rawMap.has("scenarioFailure")) {
                node.put("ratioPipelineToRawMap",
                        round(best.path("runMillis").asDouble() / rawMap.path("runMillis").asDouble()));
            }
        }
    }

    /** The fastest successful run whose change report starts with {@code changeReport} ("": any). */
    private static JsonNode best(JsonNode runs, String changeReport) {
        if (!runs.isArray() || runs.isEmpty()) {
            return null;
        }
        List<JsonNode> list = new ArrayList<>();
        runs.forEach(list::add);
        return list.stream().filter(r -> !r.has("scenarioFailure"))
                .filter(r -> r.path("changeReport").asText("").startsWith(changeReport))
                .min(Comparator.comparingLong(r -> r.path("runMillis").asLong())).orElse(null);
    }

    /** Issue 16's targets, each where the bench ran what it needs; a target it could not measure is left out. */
    private void verdict() {
        ObjectNode verdict = report.putObject("verdict");
        boolean checks = true;
        JsonNode at100k = null;
        JsonNode at1m = null;
        ArrayNode ratios = verdict.putArray("ratios");
        for (JsonNode size : report.path("sizes")) {
            for (JsonNode run : size.path("pipeline")) {
                checks &= run.path("checks").path("all").asBoolean();
            }
            if (size.has("fault")) {
                checks &= size.path("fault").path("checks").path("all").asBoolean();
            }
            if (size.has("warm")) {
                checks &= size.path("warm").path("checks").path("all").asBoolean();
            }
            int users = size.path("users").asInt();
            if (users == 100_000) {
                at100k = size;
            } else if (users == 1_000_000) {
                at1m = size;
            }
            if (size.has("ratioPipelineToRaw") && (users == 10_000 || users == 100_000)) {
                ObjectNode ratio = ratios.addObject();
                ratio.put("users", users);
                ratio.put("ratio", size.path("ratioPipelineToRaw").asDouble());
                ratio.put("met", size.path("ratioPipelineToRaw").asDouble() <= TARGET_RATIO);
                if (size.has("ratioWarmToRaw")) {
                    ratio.put("warm", size.path("ratioWarmToRaw").asDouble());
                    ratio.put("warmMet", size.path("ratioWarmToRaw").asDouble() <= TARGET_RATIO);
                }
            }
        }
        verdict.put("allChecksPassed", checks);
        if (at100k != null && at100k.has("bestPipeline")) {
            long wall = at100k.path("bestPipeline").path("runMillis").asLong();
            verdict.put("wall100kMillis", wall);
            verdict.put("wall100kMet", wall <= TARGET_WALL_100K_MILLIS);
            if (at100k.has("warm") && !at100k.path("warm").has("scenarioFailure")) {
                long warm = at100k.path("warm").path("runMillis").asLong();
                verdict.put("warm100kMillis", warm);
                verdict.put("warm100kMet", warm <= TARGET_WALL_100K_MILLIS);
            }
        }
        if (at1m != null) {
            JsonNode best = at1m.path("bestPipeline");
            verdict.put("oneMillionCompleted", !best.isMissingNode());
            if (!best.isMissingNode()) {
                long wall = best.path("runMillis").asLong();
                verdict.put("wall1mMillis", wall);
                verdict.put("wall1mHeap", best.path("heap").asText());
                verdict.put("wall1mMet", wall <= TARGET_WALL_1M_MILLIS);
                if (at100k != null && at100k.has("bestPipeline")) {
                    double growth = best.path("peakLiveHeapAfterGcBytes").asDouble()
                            / at100k.path("bestPipeline").path("peakLiveHeapAfterGcBytes").asDouble();
                    verdict.put("liveHeapGrowth100kTo1m", round(growth));
                    verdict.put("liveHeapGrowthMet", growth <= TARGET_LIVE_HEAP_GROWTH_100K_TO_1M);
                }
            }
        }
        verdict.put("loadAverageAtEnd", loadAverage());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    static void log(String message) {
        System.out.println(DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
                + " " + message);
        System.out.flush();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        String model = procLine("/proc/cpuinfo", "model name");
        return model == null ? System.getProperty("os.arch") : model;
    }

    private static String procLine(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The infrastructure JVM, driven over its stdin. */
    private final class Infra implements AutoCloseable {
        final Process process;
        final BufferedReader reader;
        final Writer writer;
        final PrintWriter infraLog;
        final JsonNode hello;

        Infra(int users, Path logFile) throws Exception {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + infraHeap(users), "-cp", classpath,
                    InfraMain.class.getName(),
                    String.valueOf(users)));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            writer = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            infraLog = new PrintWriter(Files.newBufferedWriter(logFile), true);
            hello = answer();
            log("    cluster: " + hello);
        }

        JsonNode command(String line) throws IOException {
            writer.write(line + "\n");
            writer.flush();
            return answer();
        }

        private JsonNode answer() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(InfraMain.PREFIX)) {
                    return JSON.readTree(line.substring(InfraMain.PREFIX.length()));
                }
                infraLog.println(line);
            }
            throw new IllegalStateException("the infrastructure JVM stopped; see its log");
        }

        @Override
        public void close() throws Exception {
            try {
                command("quit");
            } catch (RuntimeException | IOException ignored) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            infraLog.close();
        }
    }
}

package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for the J1 synchronization API on loopback: a real HTTP server that keeps jobs like
 * J1 (uploads staged per job, finalize then FINISHED on the next status poll, no uploads after
 * finalize or abort), records every request, and answers with scripted faults: the next request,
 * every Nth request, connection resets, 413 above a body size, or J1 down altogether.
 */
public final class J1StandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "/persister/synchronization/jobs";

    /**
     * One request as J1 received it, and the status it got (0: connection reset); {@code body}
     * decompressed, {@code wire} the bytes as they came (gzip, when so encoded).
     */
    public record Request(String method, String path, Map<String, String> headers, byte[] body, byte[] wire,
                          int status) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A scripted answer for the next matching request. */
    public record Fault(String pathSuffix, int status, Map<String, String> headers) {
    }

    /** How a faulty request is answered: a status with headers, or a reset (status 0). */
    public record Answer(int status, Map<String, String> headers) {
        public static Answer reset() {
            return new Answer(0, Map.of());
        }
    }

    /** A job as J1 keeps it: what was uploaded (and accepted) while it awaited uploads. */
    public static final class Job {
        public final String id;
        public final JsonNode start;
        public volatile String status = "AWAITING_UPLOADS";
        public final List<String> entityKeys = new CopyOnWriteArrayList<>();
        public final List<String> relationshipKeys = new CopyOnWriteArrayList<>();
        public final AtomicInteger finalizes = new AtomicInteger();
        public volatile JsonNode finalizeBody;
        public volatile String abortReason;
        /** The Authorization header that started the job: tells replicas with their own keys apart. */
        public final String openedBy;
        /** Other jobs of its scope awaiting uploads when this one started (J1 itself would allow it; a test may not). */
        public final int othersOpen;
        /** {@link System#nanoTime} of the start and of the finalize (0: not finalized). */
        public final long startedNanos = System.nanoTime();
        /** The wall-clock start, to tell which tick of a schedule started the job. */
        public final java.time.Instant startedAt = java.time.Instant.now();
        public volatile long finalizedNanos;

        Job(String id, JsonNode start, String openedBy, int othersOpen) {
            this.id = id;
            this.start = start;
            this.openedBy = openedBy;
            this.othersOpen = othersOpen;
        }

        /** The scope the job was started for (one per cluster). */
        public String scope() {
            return start.path("scope").asText();
        }

        public int objects() {
            return entityKeys.size() + relationshipKeys.size();
        }
    }

    private record EveryNth(String pathSuffix, int n, Answer answer, AtomicInteger seen, boolean firstAttemptsOnly) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final List<EveryNth> periodic = new CopyOnWriteArrayList<>();
    private final Set<String> attempted = new HashSet<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Job> jobOrder = new CopyOnWriteArrayList<>();
    private final AtomicInteger jobCount = new AtomicInteger();
    private volatile int maxBodyBytes = Integer.MAX_VALUE;
    private volatile Answer down;
    private volatile String finalOutcome = "FINISHED";
    private volatile String requiredApiKey;
    private volatile Stall stall;

    /** Uploads held until {@link #release}: {@code arrived} opens when the first one is held. */
    private record Stall(java.util.concurrent.CountDownLatch arrived, java.util.concurrent.CountDownLatch release) {
    }

    public J1StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request whose path ends with {@code pathSuffix} gets {@code status}. */
    public void failNext(String pathSuffix, int status, Map<String, String> headers) {
        faults.add(new Fault(pathSuffix, status, headers));
    }

    /** Every {@code n}th request whose path ends with {@code pathSuffix} gets {@code answer}. */
    public void failEvery(String pathSuffix, int n, Answer answer) {
        periodic.add(new EveryNth(pathSuffix, n, answer, new AtomicInteger(), false));
    }

    /**
     * Every {@code n}th first attempt (a correlation id not seen before) whose path ends with
     * {@code pathSuffix} gets {@code answer}; retries are answered normally. Counting every request
     * instead would, with parallel uploads, let one batch's retries keep landing on the faulted
     * counts.
     */
    public void failFirstAttemptOfEvery(String pathSuffix, int n, Answer answer) {
        periodic.add(new EveryNth(pathSuffix, n, answer, new AtomicInteger(), true));
    }

    /** Uploads whose (decompressed) body is larger than this are answered 413. */
    public void rejectBodiesOver(int bytes) {
        maxBodyBytes = bytes;
    }

    /** J1 is down: every request gets {@code answer} (null: up again). */
    public void down(Answer answer) {
        down = answer;
    }

    /** The status a finalized job ends in (FINISHED by default). */
    public void finalOutcome(String status) {
        finalOutcome = status;
    }

    /** From now on, requests without {@code Authorization: Bearer <key>} get 401, like J1. */
    public void requireApiKey(String key) {
        requiredApiKey = key;
    }

    /**
     * From now on every upload is held without an answer, as a J1 that stopped answering mid-run
     * would; returns a latch that opens when the first upload is held.
     */
    public java.util.concurrent.CountDownLatch holdUploads() {
        Stall held = new Stall(new java.util.concurrent.CountDownLatch(1), new java.util.concurrent.CountDownLatch(1));
        stall = held;
        return held.arrived();
    }

    /** Answers the held uploads (with a reset connection) and stops holding. */
    public void release() {
        Stall held = stall;
        stall = null;
        if (held != null) {
            held.release().countDown();
        }
    }

    /** Back to a healthy J1 with no history. */
    public void reset() {
        requests.clear();
        faults.clear();
        periodic.clear();
        attempted.clear();
        jobs.clear();
        jobOrder.clear();
        maxBodyBytes = Integer.MAX_VALUE;
        down = null;
        finalOutcome = "FINISHED";
        requiredApiKey = null;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    /** Jobs in the order they were started. */
    public List<Job> jobs() {
        return new ArrayList<>(jobOrder);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            byte[] body = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(raw) : raw;
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (requiredApiKey != null && !("Bearer " + requiredApiKey).equals(headers.get("authorization"))) {
                requests.add(new Request(method, path, headers, body, raw, 401));
                respond(exchange, 401, error("UNAUTHORIZED", "Unauthorized"));
                return;
            }
            Stall held = stall;
            if (held != null && (path.endsWith("/entities") || path.endsWith("/relationships"))) {
                held.arrived().countDown();
                held.release().await();
                return; // closing without a response
            }
            Answer fault = fault(path, body.length, headers.get("jupiterone-correlation-id"));
            if (fault != null) {
                requests.add(new Request(method, path, headers, body, raw, fault.status()));
                if (fault.status() == 0) {
                    return; // closing without a response: the client sees the connection reset
                }
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, fault.status(), error("SCRIPTED", "scripted " + fault.status()));
                return;
            }
            Answer[] status = {new Answer(200, Map.of())};
            String answer = answer(method, path, headers.get("authorization"), body, status);
            requests.add(new Request(method, path, headers, body, raw, status[0].status()));
            respond(exchange, status[0].status(), answer);
        }
    }

    private synchronized Answer fault(String path, int bodyBytes, String correlationId) {
        boolean retry = correlationId != null && !attempted.add(correlationId);
        if (down != null) {
            return down;
        }
        for (Fault fault : faults) {
            if (path.endsWith(fault.pathSuffix())) {
                faults.remove(fault);
                return new Answer(fault.status(), fault.headers());
            }
        }
        for (EveryNth rule : periodic) {
            if (path.endsWith(rule.pathSuffix()) && !(rule.firstAttemptsOnly() && retry)
                    && rule.seen().incrementAndGet() % rule.n() == 0) {
                return rule.answer();
            }
        }
        boolean upload = path.endsWith("/entities") || path.endsWith("/relationships");
        return upload && bodyBytes > maxBodyBytes ? new Answer(413, Map.of()) : null;
    }

    private synchronized String answer(String method, String path, String authorization, byte[] body,
                                       Answer[] status) throws IOException {
        if (path.equals(JOBS)) {
            JsonNode start = JSON.readTree(body);
            int othersOpen = (int) jobOrder.stream().filter(open -> "AWAITING_UPLOADS".equals(open.status)
                    && open.scope().equals(start.path("scope").asText())).count();
            Job job = new Job("job-" + jobCount.incrementAndGet(), start, authorization, othersOpen);
            jobs.put(job.id, job);
            jobOrder.add(job);
            return job(job);
        }
        String rest = path.substring(JOBS.length() + 1);
        String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Job job = jobs.get(id);
        if (job == null) {
            status[0] = new Answer(404, Map.of());
            return error("JOB_NOT_FOUND", "no job " + id);
        }
        if ("GET".equals(method)) {
            if ("FINALIZE_PENDING".equals(job.status)) {
                job.status = finalOutcome; // the job settles one poll after finalize
            }
            return job(job);
        }
        String action = rest.substring(rest.indexOf('/') + 1);
        if (!"AWAITING_UPLOADS".equals(job.status)) {
            status[0] = new Answer(400, Map.of());
            return error("JOB_NOT_AWAITING_UPLOADS", "job " + id + " is " + job.status);
        }
        switch (action) {
            case "entities" -> JSON.readTree(body).path("entities").forEach(e -> job.entityKeys.add(e.path("_key").asText()));
            case "relationships" -> JSON.readTree(body).path("relationships")
                    .forEach(r -> job.relationshipKeys.add(r.path("_key").asText()));
            case "finalize" -> {
                job.finalizes.incrementAndGet();
                job.finalizeBody = JSON.readTree(body);
                job.finalizedNanos = System.nanoTime();
                job.status = "FINALIZE_PENDING";
            }
            case "abort" -> {
                job.abortReason = JSON.readTree(body).path("reason").asText();
                job.status = "ABORTED";
            }
            default -> {
                status[0] = new Answer(404, Map.of());
                return error("NOT_FOUND", action);
            }
        }
        return job(job);
    }

    private static String job(Job job) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root.putObject("job");
        node.put("id", job.id);
        node.put("status", job.status);
        node.put("numEntitiesUploaded", job.entityKeys.size());
        node.put("numEntitiesCreated", "FINISHED".equals(job.status) ? job.entityKeys.size() : 0);
        node.put("numEntitiesUpdated", 0);
        node.put("numEntitiesDeleted", 0);
        node.put("numRelationshipsUploaded", job.relationshipKeys.size());
        node.put("numRelationshipsCreated", "FINISHED".equals(job.status) ? job.relationshipKeys.size() : 0);
        node.put("numRelationshipsUpdated", 0);
        node.put("numRelationshipsDeleted", 0);
        return root.toString();
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] gunzip(byte[] raw) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

package org.teleportj1.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark's JupiterOne stand-in: a real HTTP/1.1 server on loopback that answers the sync-job
 * API like J1, counts what it accepted (requests, wire bytes, graph objects, finalizes) without
 * parsing JSON into objects, optionally answers a share of requests with 429/503, and optionally
 * records every accepted request (path and exact body) to a spool file so the raw baseline can
 * replay the very same bytes.
 */
final class BenchJ1StandIn implements AutoCloseable {
    private static final String JOBS = "/persister/synchronization/jobs";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "j1-standin");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger jobIds = new AtomicInteger();

    // counters, guarded by this
    private long requests;
    private long faulted;
    private long faulted429;
    private long faulted503;
    private long acceptedRequests;
    private long acceptedUploads;
    private long acceptedEntityBatches;
    private long acceptedRelationshipBatches;
    private long acceptedObjects;
    private long acceptedBodyBytes;
    private long acceptedWireBytes;
    private long starts;
    private long finalizes;
    private long finalizeRequests;
    private long aborts;
    private long gzipped;

    private double faultRate;
    private long lastFaultNanos;
    private final java.util.List<Long> retryGapsMillis = new java.util.ArrayList<>();
    private DataOutputStream spool;

    BenchJ1StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code rate} of all requests (evenly spread) with 429 or 503, alternately. */
    synchronized void faults(double rate) {
        faultRate = rate;
    }

    /** Records every accepted request to {@code file} (null: stop recording). */
    synchronized void record(Path file) throws IOException {
        if (spool != null) {
            spool.close();
            spool = null;
        }
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            spool = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
        }
    }

    synchronized void reset() {
        requests = faulted = faulted429 = faulted503 = acceptedRequests = acceptedUploads = 0;
        acceptedEntityBatches = acceptedRelationshipBatches = acceptedObjects = 0;
        acceptedBodyBytes = acceptedWireBytes = starts = finalizes = finalizeRequests = aborts = gzipped = 0;
        retryGapsMillis.clear();
        lastFaultNanos = 0;
    }

    synchronized Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("requests", requests);
        stats.put("faulted", faulted);
        stats.put("faulted429", faulted429);
        stats.put("faulted503", faulted503);
        stats.put("acceptedRequests", acceptedRequests);
        stats.put("acceptedUploads", acceptedUploads);
        stats.put("entityBatches", acceptedEntityBatches);
        stats.put("relationshipBatches", acceptedRelationshipBatches);
        stats.put("acceptedObjects", acceptedObjects);
        stats.put("acceptedBodyBytes", acceptedBodyBytes);
        stats.put("acceptedWireBytes", acceptedWireBytes);
        stats.put("gzippedRequests", gzipped);
        stats.put("jobsStarted", starts);
        stats.put("finalizeRequests", finalizeRequests);
        stats.put("finalizesAccepted", finalizes);
        stats.put("aborts", aborts);
        stats.put("millisFromFaultToNextRequest", new java.util.ArrayList<>(retryGapsMillis));
        return stats;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] wire = exchange.getRequestBody().readAllBytes();
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            String path = exchange.getRequestURI().getPath();
            int fault = decide(path);
            if (fault != 0) {
                respond(exchange, fault, "{\"error\":{\"code\":\"BENCH_FAULT\",\"message\":\"scripted " + fault + "\"}}");
                return;
            }
            byte[] body = gzip ? gunzip(wire) : wire;
            String answer = answer(path);
            respond(exchange, 200, answer);
            accepted(path, wire.length, body, gzip);
        }
    }

    private synchronized int decide(String path) {
        requests++;
        if (lastFaultNanos != 0) {
            // time from answering a fault to the next request: the client's backoff plus re-sending
            retryGapsMillis.add((System.nanoTime() - lastFaultNanos) / 1_000_000);
            lastFaultNanos = 0;
        }
        if (path.endsWith("/finalize")) {
            finalizeRequests++;
        }
        // exactly `rate` of the requests, spread evenly: with 10%, the 5th, 15th, 25th, ... request
        if (faultRate > 0 && Math.floor((requests + 4) * faultRate) > Math.floor((requests + 3) * faultRate)) {
            faulted++;
            lastFaultNanos = System.nanoTime();
            if (faulted % 2 == 1) {
                faulted429++;
                return 429;
            }
            faulted503++;
            return 503;
        }
        return 0;
    }

    private synchronized void accepted(String path, int wireBytes, byte[] body, boolean gzip) throws IOException {
        acceptedRequests++;
        acceptedWireBytes += wireBytes;
        acceptedBodyBytes += body.length;
        if (gzip) {
            gzipped++;
        }
        if (path.equals(JOBS)) {
            starts++;
        } else if (path.endsWith("/finalize")) {
            finalizes++;
        } else if (path.endsWith("/abort")) {
            aborts++;
        } else if (path.endsWith("/entities") || path.endsWith("/relationships")) {
            acceptedUploads++;
            if (path.endsWith("/entities")) {
                acceptedEntityBatches++;
            } else {
                acceptedRelationshipBatches++;
            }
            acceptedObjects += countObjects(body);
        }
        if (spool != null) {
            byte[] p = path.getBytes(StandardCharsets.UTF_8);
            spool.writeInt(p.length);
            spool.write(p);
            spool.writeInt(body.length);
            spool.write(body);
        }
    }

    /** Objects in {"entities":[{..},{..}]}: each '{' at depth 2, outside strings. */
    static long countObjects(byte[] json) {
        long count = 0;
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (b == '{' && depth == 2) {
                        count++;
                    }
                    depth++;
                }
                case '}', ']' -> depth--;
                default -> {
                }
            }
        }
        return count;
    }

    private String answer(String path) {
        if (path.equals(JOBS)) {
            return job("job-" + jobIds.incrementAndGet(), "AWAITING_UPLOADS");
        }
        String rest = path.length() > JOBS.length() + 1 ? path.substring(JOBS.length() + 1) : "";
        String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (rest.endsWith("/finalize")) {
            return job(id, "FINISHED");
        }
        if (rest.endsWith("/abort")) {
            return job(id, "ABORTED");
        }
        return job(id, "AWAITING_UPLOADS");
    }

    private static String job(String id, String status) {
        return "{\"job\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}}";
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
        server.stop(0);
        executor.shutdownNow();
        try {
            record(null);
        } catch (IOException ignored) {
            // closing
        }
    }
}

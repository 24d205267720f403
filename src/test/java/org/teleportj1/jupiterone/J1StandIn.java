package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for the J1 synchronization API on loopback: a real HTTP server that records every
 * request (headers and decoded body) and answers like J1, or with scripted failures.
 */
public final class J1StandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as J1 received it. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
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

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger jobs = new AtomicInteger();
    private volatile String requiredApiKey;

    public J1StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request whose path ends with {@code pathSuffix} gets {@code status}. */
    public void failNext(String pathSuffix, int status, Map<String, String> headers) {
        faults.add(new Fault(pathSuffix, status, headers));
    }

    /** From now on, requests without {@code Authorization: Bearer <key>} get 401, like J1. */
    public void requireApiKey(String key) {
        requiredApiKey = key;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            byte[] body = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(raw) : raw;
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, headers, body));
            if (requiredApiKey != null && !("Bearer " + requiredApiKey).equals(headers.get("authorization"))) {
                respond(exchange, 401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Unauthorized\"}}");
                return;
            }
            if ("GET".equals(exchange.getRequestMethod()) && !path.matches(".*/jobs/job-\\d+(/.*)?")) {
                respond(exchange, 404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"job not found\"}}");
                return;
            }
            Fault fault = takeFault(path);
            if (fault != null) {
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                respond(exchange, fault.status(), "{\"error\":{\"code\":\"SCRIPTED\",\"message\":\"scripted " + fault.status() + "\"}}");
                return;
            }
            respond(exchange, 200, answer(path));
        }
    }

    private synchronized Fault takeFault(String path) {
        for (Fault fault : faults) {
            if (path.endsWith(fault.pathSuffix())) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    private String answer(String path) {
        String jobs = "/persister/synchronization/jobs";
        if (path.equals(jobs)) {
            return job("job-" + this.jobs.incrementAndGet(), "AWAITING_UPLOADS");
        }
        String rest = path.substring(jobs.length() + 1);
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
        return "{\"job\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"numEntitiesCreated\":0}}";
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
    }
}

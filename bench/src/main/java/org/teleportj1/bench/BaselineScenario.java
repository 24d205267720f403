package org.teleportj1.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.graph.ClusterInfo;
import org.teleportj1.graph.GraphBuilder;
import org.teleportj1.proto.accesslist.v1.AccessListServiceGrpc;
import org.teleportj1.proto.accesslist.v1.ListAccessListsRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListsResponse;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListReviewsResponse;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;
import org.teleportj1.teleport.client.IdentityFile;
import org.teleportj1.teleport.client.IdentityFileReader;

/**
 * The physical limit, in its own JVM: no Camel, no framework.
 * <ul>
 *   <li>{@code raw}: plain grpc-java blocking stubs page the same five RPCs at the same maximum page
 *   sizes over a mutual-TLS Netty channel built from the same identity file (items are counted and
 *   dropped), then {@code java.net.http.HttpClient} POSTs the exact request bodies the pipeline's run
 *   delivered (recorded by the J1 stand-in: start, every batch, finalize), one after the other.</li>
 *   <li>{@code raw-map}: the same paging, but each page goes through the product's own graph mapping
 *   and batching ({@code GraphBuilder}, {@code GraphBatcher}) and each batch is POSTed as it fills:
 *   the same work as the pipeline minus Camel.</li>
 * </ul>
 * Arguments: mode teleportAddress identityFile j1BaseUrl [spoolFile]. Prints one BENCH-RESULT line.
 */
public final class BaselineScenario {
    private static final String AUTH_SERVER_NAME = "teleport.cluster.local";
    private static final int USERS_PAGE = 1000;
    private static final int ROLES_PAGE = 1000;
    private static final int LISTS_PAGE = 100;
    private static final int MEMBERS_PAGE = 200;
    private static final int REVIEWS_PAGE = 200;

    /** What a page of items is handed to. */
    private interface PageSink {
        void roles(ListRolesResponse page);

        void users(ListUsersResponse page);

        void lists(ListAccessListsResponse page);

        void members(ListAllAccessListMembersResponse page);

        void reviews(ListAllAccessListReviewsResponse page);
    }

    private BaselineScenario() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String address = args[1];
        Path identityPath = Path.of(args[2]);
        String j1 = args[3];
        ProcessStats stats = new ProcessStats();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startupMillis", System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        System.gc();
        stats.resetPeaks();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        long started = System.nanoTime();
        IdentityFile identity = IdentityFileReader.read(identityPath);
        int colon = address.lastIndexOf(':');
        ManagedChannel channel = NettyChannelBuilder.forAddress(address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1)))
                .sslContext(GrpcSslContexts.forClient()
                        .keyManager(identity.privateKey(), identity.certificate())
                        .trustManager(identity.trustedCas().toArray(X509Certificate[]::new))
                        .build())
                .overrideAuthority(AUTH_SERVER_NAME)
                .maxInboundMessageSize(64 * 1024 * 1024)
                .build();
        Map<String, Long> items = new LinkedHashMap<>();
        Map<String, Long> resourceMillis = new LinkedHashMap<>();
        long[] grpcBytes = {0};
        long grpcNanos;
        long postNanos;
        long posts;
        long postedBytes;
        try {
            PingResponse ping = AuthServiceGrpc.newBlockingStub(channel).ping(PingRequest.getDefaultInstance());
            if (mode.equals("raw")) {
                page(channel, countingSink(items, grpcBytes), resourceMillis);
                grpcNanos = System.nanoTime() - started;
                long postStart = System.nanoTime();
                long[] replay = replay(http, j1, Path.of(args[4]));
                postNanos = System.nanoTime() - postStart;
                if (Boolean.getBoolean("bench.replayCompare")) {
                    String previous = System.getProperty("bench.rawHttpClient", "");
                    System.setProperty("bench.rawHttpClient", "jdk".equals(previous) ? "url" : "jdk");
                    long again = System.nanoTime();
                    replay(http, j1, Path.of(args[4]));
                    result.put("replayOtherClientMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - again));
                    System.setProperty("bench.rawHttpClient", previous);
                }
                posts = replay[0];
                postedBytes = replay[1];
            } else {
                Poster poster = new Poster(http, j1);
                poster.post("", "{\"source\":\"api\",\"scope\":\"bench-raw-map\",\"syncMode\":\"DIFF\"}"
                        .getBytes(StandardCharsets.UTF_8));
                GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, 10_000));
                GraphBuilder graph = new GraphBuilder(new ClusterInfo(ping.getClusterName(), ping.getServerVersion(),
                        ping.getProxyPublicAddr(), null, Instant.now()), batcher);
                graph.account();
                PageSink mapping = mappingSink(graph, batcher, poster, countingSink(items, grpcBytes));
                page(channel, mapping, resourceMillis);
                // like the shipped completion: batches are delivered as they fill up
                graph.complete(() -> poster.postAll(batcher.takeReady()));
                poster.postAll(batcher.flush());
                poster.post("/job-raw/finalize", "{}".getBytes(StandardCharsets.UTF_8));
                grpcNanos = -1;
                postNanos = poster.nanos;
                posts = poster.count;
                postedBytes = poster.bytes;
                result.put("objects", batcher.objectCount());
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        long total = System.nanoTime() - started;
        result.put("result", "SUCCEEDED");
        result.put("mode", mode);
        result.put("runMillis", TimeUnit.NANOSECONDS.toMillis(total));
        result.put("grpcMillis", grpcNanos < 0 ? null : TimeUnit.NANOSECONDS.toMillis(grpcNanos));
        result.put("postMillis", TimeUnit.NANOSECONDS.toMillis(postNanos));
        result.put("itemsRead", items);
        result.put("resourceMillis", resourceMillis);
        result.put("grpcPayloadBytes", grpcBytes[0]);
        result.put("posts", posts);
        result.put("postedBytes", postedBytes);
        result.putAll(stats.snapshot());
        System.out.println(PipelineScenario.RESULT + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    /** Pages every listing to the end, as Teleport pages it. */
    private static void page(ManagedChannel channel, PageSink sink, Map<String, Long> millis) {
        AuthServiceGrpc.AuthServiceBlockingStub auth = AuthServiceGrpc.newBlockingStub(channel);
        UsersServiceGrpc.UsersServiceBlockingStub users = UsersServiceGrpc.newBlockingStub(channel);
        AccessListServiceGrpc.AccessListServiceBlockingStub lists = AccessListServiceGrpc.newBlockingStub(channel);
        String token = "";
        long rolesStart = System.nanoTime();
        do {
            ListRolesResponse page = auth.listRoles(ListRolesRequest.newBuilder().setLimit(ROLES_PAGE)
                    .setStartKey(token).build());
            sink.roles(page);
            token = page.getNextKey();
        } while (!token.isEmpty());
        millis.put("roles", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rolesStart));
        long usersStart = System.nanoTime();
        do {
            ListUsersResponse page = users.listUsers(ListUsersRequest.newBuilder().setPageSize(USERS_PAGE)
                    .setPageToken(token).build());
            sink.users(page);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        millis.put("users", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - usersStart));
        long accessListsStart = System.nanoTime();
        do {
            ListAccessListsResponse page = lists.listAccessLists(ListAccessListsRequest.newBuilder()
                    .setPageSize(LISTS_PAGE).setNextToken(token).build());
            sink.lists(page);
            token = page.getNextToken();
        } while (!token.isEmpty());
        millis.put("accessLists", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accessListsStart));
        long accessListMembersStart = System.nanoTime();
        do {
            ListAllAccessListMembersResponse page = lists.listAllAccessListMembers(
                    ListAllAccessListMembersRequest.newBuilder().setPageSize(MEMBERS_PAGE).setPageToken(token).build());
            sink.members(page);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        millis.put("accessListMembers", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accessListMembersStart));
        long accessListReviewsStart = System.nanoTime();
        do {
            ListAllAccessListReviewsResponse page = lists.listAllAccessListReviews(
                    ListAllAccessListReviewsRequest.newBuilder().setPageSize(REVIEWS_PAGE).setNextToken(token).build());
            sink.reviews(page);
            token = page.getNextToken();
        } while (!token.isEmpty());
        millis.put("accessListReviews", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accessListReviewsStart));
    }

    private static PageSink countingSink(Map<String, Long> items, long[] bytes) {
        return new PageSink() {
            @Override
            public void roles(ListRolesResponse page) {
                items.merge("roles", (long) page.getRolesCount(), Long::sum);
                bytes[0] += page.getSerializedSize();
            }

            @Override
            public void users(ListUsersResponse page) {
                items.merge("users", (long) page.getUsersCount(), Long::sum);
                bytes[0] += page.getSerializedSize();
            }

            @Override
            public void lists(ListAccessListsResponse page) {
                items.merge("accessLists", (long) page.getAccessListsCount(), Long::sum);
                bytes[0] += page.getSerializedSize();
            }

            @Override
            public void members(ListAllAccessListMembersResponse page) {
                items.merge("accessListMembers", (long) page.getMembersCount(), Long::sum);
                bytes[0] += page.getSerializedSize();
            }

            @Override
            public void reviews(ListAllAccessListReviewsResponse page) {
                items.merge("accessListReviews", (long) page.getReviewsCount(), Long::sum);
                bytes[0] += page.getSerializedSize();
            }
        };
    }

    private static PageSink mappingSink(GraphBuilder graph, GraphBatcher batcher, Poster poster, PageSink counting) {
        return new PageSink() {
            @Override
            public void roles(ListRolesResponse page) {
                counting.roles(page);
                graph.roles(page.getRolesList());
                poster.postAll(batcher.takeReady());
            }

            @Override
            public void users(ListUsersResponse page) {
                counting.users(page);
                graph.users(page.getUsersList());
                poster.postAll(batcher.takeReady());
            }

            @Override
            public void lists(ListAccessListsResponse page) {
                counting.lists(page);
                graph.accessLists(page.getAccessListsList());
                poster.postAll(batcher.takeReady());
            }

            @Override
            public void members(ListAllAccessListMembersResponse page) {
                counting.members(page);
                graph.members(page.getMembersList());
                poster.postAll(batcher.takeReady());
            }

            @Override
            public void reviews(ListAllAccessListReviewsResponse page) {
                counting.reviews(page);
                graph.reviews(page.getReviewsList());
                poster.postAll(batcher.takeReady());
            }
        };
    }

    /** POSTs to the sync-job API, one request at a time, failing on anything but 200. */
    private static final class Poster {
        private final HttpClient http;
        private final String base;
        long nanos;
        long count;
        long bytes;

        Poster(HttpClient http, String j1) {
            this.http = http;
            this.base = j1 + "/persister/synchronization/jobs";
        }

        void postAll(List<GraphBatch> batches) {
            for (GraphBatch batch : batches) {
                post("/job-raw/" + batch.kind().field(), batch.requestBody());
            }
        }

        void post(String path, byte[] body) {
            long started = System.nanoTime();
            send(http, base + path, body);
            nanos += System.nanoTime() - started;
            count++;
            bytes += body.length;
        }
    }

    /** Replays the recorded requests in order; returns {requests, body bytes}. */
    private static long[] replay(HttpClient http, String j1, Path spool) throws Exception {
        long requests = 0;
        long bytes = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 20))) {
            while (true) {
                int pathLength;
                try {
                    pathLength = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                byte[] path = in.readNBytes(pathLength);
                byte[] body = in.readNBytes(in.readInt());
                send(http, j1 + new String(path, StandardCharsets.UTF_8), body);
                requests++;
                bytes += body.length;
            }
        }
        return new long[] {requests, bytes};
    }

    /**
     * One POST with HttpURLConnection (fixed-length streaming, keep-alive): on loopback it moves big
     * bodies faster than java.net.http.HttpClient, so it is the fairer "physical limit".
     * {@code -Dbench.rawHttpClient=jdk} uses java.net.http.HttpClient instead.
     */
    private static void send(HttpClient http, String url, byte[] body) {
        if ("jdk".equals(System.getProperty("bench.rawHttpClient"))) {
            sendJdk(http, url, body);
            return;
        }
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setConnectTimeout(30_000);
            connection.setReadTimeout(120_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Authorization", "Bearer bench-key");
            connection.setRequestProperty("JupiterOne-Account", "bench-account");
            try (java.io.OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status != 200) {
                throw new IllegalStateException("J1 stand-in answered " + status + " to " + url);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sendJdk(HttpClient http, String url, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer bench-key")
                .header("JupiterOne-Account", "bench-account")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("J1 stand-in answered " + response.statusCode() + " to " + url);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.teleportj1.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxData;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.SandboxSize;

/**
 * The benchmark's infrastructure JVM: the sandbox Teleport auth service (real mTLS gRPC on loopback)
 * at a given size, and the J1 stand-in. Kept out of the measured JVMs so their heap and RSS are the
 * sync's own. Controlled by one command per line on stdin; answers one {@code INFRA {json}} line each.
 *
 * <pre>
 * stats | reset | record FILE | norecord | j1faults RATE | unavailable METHOD CALL | normal | quit
 * </pre>
 */
public final class InfraMain {
    static final String PREFIX = "INFRA ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("bench-sandbox-");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        SandboxSize size = SandboxSize.scaled(users);
        try {
            serve(dir, size, out, started);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void serve(Path dir, SandboxSize size, PrintStream out, long started) throws Exception {
        try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.defaults(dir).withSize(size));
             BenchJ1StandIn j1 = new BenchJ1StandIn()) {
            SandboxData data = cluster.data();
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("teleportAddress", cluster.address());
            hello.put("identityFile", cluster.identityFile().toString());
            hello.put("j1BaseUrl", j1.baseUrl());
            hello.put("users", data.userCount());
            hello.put("roles", data.roleCount());
            hello.put("accessLists", data.accessListCount());
            hello.put("memberships", data.memberCount());
            hello.put("reviews", data.reviewCount());
            hello.put("startMillis", (System.nanoTime() - started) / 1_000_000);
            out.println(PREFIX + JSON.writeValueAsString(hello));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            long cpuAtReset = ProcessStats.processCpuMillis();
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                Map<String, Object> answer = new LinkedHashMap<>();
                switch (words[0]) {
                    case "stats" -> {
                        answer.put("j1", j1.stats());
                        answer.put("infraCpuMillis", ProcessStats.processCpuMillis() - cpuAtReset);
                        Map<String, Integer> calls = new LinkedHashMap<>();
                        for (String method : new String[] {"Ping", "ListRoles", "ListUsers", "GetUser", "ListAccessLists",
                            "ListAllAccessListMembers", "ListAllAccessListReviews"}) {
                            calls.put(method, cluster.calls(method));
                        }
                        answer.put("teleportCalls", calls);
                    }
                    case "reset" -> {
                        cpuAtReset = ProcessStats.processCpuMillis();
                        j1.reset();
                        cluster.behaviour(cluster.behaviour()); // restarts the call counters
                    }
                    case "record" -> j1.record(Path.of(words[1]));
                    case "norecord" -> j1.record(null);
                    case "j1faults" -> j1.faults(Double.parseDouble(words[1]));
                    case "unavailable" -> cluster.behaviour(SandboxBehaviour.normal()
                            .withUnavailableOnCall(words[1], Integer.parseInt(words[2])));
                    case "normal" -> {
                        cluster.behaviour(SandboxBehaviour.normal());
                        j1.faults(0);
                    }
                    case "quit" -> {
                        out.println(PREFIX + "{\"bye\":true}");
                        return;
                    }
                    default -> answer.put("error", "unknown command " + words[0]);
                }
                answer.putIfAbsent("ok", true);
                out.println(PREFIX + JSON.writeValueAsString(answer));
            }
        }
    }
}

package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.auth.PingRequest;

/** The stand-alone {@code sandbox} command. */
class SandboxCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runsUntilStoppedAndServesItsIdentity(@TempDir Path dir) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<SandboxCluster> started = new CompletableFuture<>();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SandboxCommand.run(
                new String[] {"--port", "0", "--dir", dir.toString(), "--users", "100", "--cluster", "cli.example.com"},
                print(out), print(err), stop, started::complete));
        SandboxCluster cluster = started.get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(dir.resolve("identity")));
        ManagedChannel channel = MutualTlsChannel.open(cluster, dir.resolve("identity"));
        try {
            assertEquals("cli.example.com",
                    new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()).getClusterName());
        } finally {
            MutualTlsChannel.close(channel);
        }
        stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertTrue(cluster.isClosed());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains(cluster.address()), printed);
        assertTrue(printed.contains(dir.resolve("identity").toAbsolutePath().toString()), printed);
        assertTrue(printed.contains("cli.example.com"), printed);
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        for (String[] args : new String[][] {{"--port"}, {"--port", "x"}, {"--port", "70000"}, {"--frobnicate"}}) {
            err.reset();
            assertEquals(2, SandboxCommand.run(args, print(out), print(err), new CountDownLatch(0), cluster -> { }));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: sandbox"));
        }
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, SandboxCommand.run(new String[] {"--help"}, print(out), print(err), new CountDownLatch(0), c -> { }));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--users=N"));
    }

    @Test
    void defaultsAreTeleportsAuthPortAndDirectory() {
        SandboxOptions options = SandboxCommand.parse(new String[0]);
        assertEquals(3025, options.port());
        assertEquals(Path.of("sandbox"), options.workDir());
        assertEquals(SandboxSize.DEMO.users(), SandboxCommand.parse(new String[] {"--users", "0"}).size().users());
        assertEquals(100_000, SandboxCommand.parse(new String[] {"--users", "100000"}).size().users());
        assertNull(SandboxCommand.parse(new String[] {"-h"}));
        assertEquals(TeleportVersion.CURRENT, options.behaviour().teleportVersion());
    }

    @Test
    void teleportVersionPicksAProfile() {
        assertEquals(TeleportVersion.parse("18.0"),
                SandboxCommand.parse(new String[] {"--teleport-version", "18.0"}).behaviour().teleportVersion());
        int code = SandboxCommand.run(new String[] {"--teleport-version", "12.1"}, print(out), print(err),
                new CountDownLatch(0), c -> { });
        assertEquals(2, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown Teleport version '12.1'"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBusyPortExitsWithOne(@TempDir Path dir) {
        try (SandboxCluster busy = SandboxCluster.start(SandboxOptions.defaults(dir.resolve("first")))) {
            int code = SandboxCommand.run(new String[] {"--port", String.valueOf(busy.port()), "--dir",
                    dir.resolve("second").toString()}, print(out), print(err), new CountDownLatch(0), c -> { });
            assertEquals(1, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot listen"), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program in its own JVM, with its own environment: what {@code java -jar} shows. */
class ProgramProcessTest {
    /** The start-up line AppConfiguration logs: once per command, however the command boots. */
    private static final String START_UP_LINE = "syncing the built-in sandbox cluster in dry-run mode";

    @TempDir
    Path dir;

    @Test
    void deadLettersListReadsTheConfigFileAndSaysWhatItDoesOnce() throws IOException {
        Path letters = dir.resolve("from-the-file");
        Path config = Files.writeString(dir.resolve("app.properties"), "sync.dead-letter-dir = " + letters + "\n");

        ChildProgram program = ChildProgram.start(dir, Map.of(), "--config", config.toString(), "dead-letters", "list");

        assertEquals(TeleportJupiterOne.OK, program.exitCode(), program.output());
        assertTrue(program.output().contains("No dead letters in " + letters), program.output());
        assertEquals(1, program.count(START_UP_LINE), program.output());
        assertEquals(0, program.count("Sandbox Teleport cluster"), "no cluster is read, so no sandbox starts: "
                + program.output());
    }

    @Test
    void anUnknownConnectModeIsOneMessageNamingTheSettingAndItsValues() {
        ChildProgram program = ChildProgram.start(dir, Map.of("TELEPORT_CONNECT_MODE", "prxy"));

        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, program.exitCode(), program.output());
        String message = "TELEPORT_CONNECT_MODE (teleport.connect-mode) is 'prxy': allowed values are auto, direct,"
                + " proxy, proxy-upgrade.";
        assertEquals(1, program.count(message), program.output());
        assertFalse(program.output().contains("\tat "), "no stack trace without --verbose:\n" + program.output());
        assertTrue(Files.notExists(dir.resolve("output")), "nothing synced");
    }

    @Test
    void aStartUpFailureIsOneLineAndItsStackTraceOnlyWithVerbose() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("broken.yaml"), "- route: {from: {uri: 'nosuch:x'}}\n");

        ChildProgram plain = ChildProgram.start(dir, Map.of(), "--routes", routes.toString(), "sync");
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, plain.exitCode(), plain.output());
        assertEquals(1, plain.count("Cannot start: No endpoint could be found for: nosuch://x"), plain.output());
        assertFalse(plain.output().contains("\tat "), plain.output());

        ChildProgram verbose = ChildProgram.start(dir, Map.of(), "--routes", routes.toString(), "--verbose", "sync");
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, verbose.exitCode(), verbose.output());
        assertTrue(verbose.output().contains("\tat "), verbose.output());
    }

    @Test
    void camelManagementPortFromTheEnvironmentMovesHealthAndMetrics() throws Exception {
        int port = freePort();
        try (ChildProgram program = ChildProgram.start(dir, Map.of("CAMEL_MANAGEMENT_ENABLED", "true",
                "CAMEL_MANAGEMENT_PORT", String.valueOf(port)), "run")) {
            // run logs its effective configuration once it is up; the configured clusters come last
            assertTrue(program.awaitLine(line -> line.contains("cluster 'default'")), program.output());
            assertEquals(1, program.count("Effective configuration"), program.output());
            assertEquals(1, program.count(START_UP_LINE), program.output());
            assertTrue(program.output().matches("(?s).*camel\\.management\\.port +" + port + "\\b.*"), program.output());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

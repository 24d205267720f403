package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point: exit codes and outputs of whole program runs. */
class CommandLineTest {
    private static final String[] KEYS = {"sync.output-dir", "teleport.address", "teleport.identity-file",
            "j1.api-key", "j1.account-id"};

    @TempDir
    Path dir;

    @AfterEach
    void clearSettings() {
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    private static void settings(Map<String, String> values) {
        values.forEach(System::setProperty);
    }

    @Test
    void noArgumentsSyncsTheSandboxInDryRunModeAndExitsZero() {
        settings(Map.of("sync.output-dir", dir.toString()));

        assertEquals(TeleportJupiterOne.OK, TeleportJupiterOne.run());

        Path output = dir.resolve("default");
        assertTrue(Files.isRegularFile(output.resolve("entities.ndjson")));
        assertTrue(Files.isRegularFile(output.resolve("relationships.ndjson")));
        assertTrue(Files.isRegularFile(output.resolve("summary.json")));
    }

    @Test
    void apiKeyWithoutAccountIdIsAConfigurationError() {
        settings(Map.of("sync.output-dir", dir.toString(), "teleport.address", "sandbox", "j1.api-key", "k"));

        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("sync"));
        assertTrue(isEmpty(dir), "nothing written");
    }

    @Test
    void missingIdentityFileIsAConfigurationError() {
        settings(Map.of("sync.output-dir", dir.toString(), "teleport.address", "example.teleport.sh:443",
                "teleport.identity-file", dir.resolve("missing").toString()));

        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("sync"));
    }

    @Test
    void unknownCommandIsAConfigurationError() {
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("frobnicate"));
    }

    private static boolean isEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

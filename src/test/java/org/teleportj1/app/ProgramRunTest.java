package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole program runs through the real entry point: what a user sees from java -jar. */
class ProgramRunTest {
    private static final String[] KEYS = {"sync.output-dir", "sync.state-dir", "sync.dead-letter-dir",
            "teleport.address", "teleport.identity-file", "j1.api-key", "j1.account-id"};

    @TempDir
    Path dir;

    @AfterEach
    void clearSettings() {
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    private void settings(Map<String, String> values) {
        // state and dead letters in the test's directory, not the project's
        System.setProperty("sync.state-dir", dir.resolve("state").toString());
        System.setProperty("sync.dead-letter-dir", dir.resolve("dead-letters").toString());
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
        assertTrue(Files.notExists(dir.resolve("default")), "no output written");
    }

    @Test
    void missingIdentityFileIsAConfigurationError() {
        settings(Map.of("sync.output-dir", dir.toString(), "teleport.address", "example.teleport.sh:443",
                "teleport.identity-file", dir.resolve("missing").toString()));

        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("sync"));
    }
}

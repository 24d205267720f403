package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.run.SyncRun;

/** Commands, options and exit codes, parsed and run in-process as {@code java -jar} would. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void optionsGoBeforeOrAfterTheCommand() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("clusters"));
        Path config = Files.writeString(dir.resolve("app.properties"), "sync.cron = 0 0/5 * * * ?\n");

        CommandLine line = CommandLine.parse("--routes", routes.toString(), "sync", "prod", "--config=" + config);

        assertEquals("sync", line.command());
        assertEquals(List.of("prod"), line.arguments());
        assertEquals(routes, line.routesDir());
        assertEquals(config, line.configFile());
        assertEquals("classpath:routes/*.camel.yaml,file:" + routes.toAbsolutePath() + "/*.yaml",
                line.routesIncludePattern());
        CommandLine none = CommandLine.parse();
        assertEquals("sync", none.command());
        assertNull(none.routesIncludePattern());
    }

    @Test
    void aMissingRoutesDirectoryOrConfigFileIsAConfigurationError() {
        ConfigurationException routes = assertThrows(ConfigurationException.class,
                () -> CommandLine.parse("--routes", dir.resolve("nope").toString()));
        assertTrue(routes.getMessage().contains("no such directory"), routes.getMessage());
        assertThrows(ConfigurationException.class, () -> CommandLine.parse("check", "--config"));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR,
                TeleportJupiterOne.run("check", "--config", dir.resolve("missing.properties").toString()));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("frobnicate"));
    }

    @Test
    void exitCodesTellSuccessPartialAndTotalFailureApart() {
        SyncRun ok = new SyncRun("a", null, org.teleportj1.run.DeliveryMode.DRY_RUN, null, java.time.Instant.now());
        ok.succeeded();
        SyncRun failed = new SyncRun("b", null, org.teleportj1.run.DeliveryMode.DRY_RUN, null, java.time.Instant.now());
        failed.failed("boom");
        assertEquals(TeleportJupiterOne.OK, OneShotSync.exitCode(List.of(ok)));
        assertEquals(TeleportJupiterOne.PARTIAL_FAILURE, OneShotSync.exitCode(List.of(ok, failed)));
        assertEquals(TeleportJupiterOne.SYNC_FAILED, OneShotSync.exitCode(List.of(failed)));
        assertEquals(TeleportJupiterOne.SYNC_FAILED, OneShotSync.exitCode(Arrays.asList(failed, null)));
    }

    @Test
    void checkOfTheDefaultsPassesAndWritesNothing() throws IOException {
        Path config = Files.writeString(dir.resolve("app.properties"), "sync.output-dir = " + dir.resolve("out")
                + "\nsync.state-dir = " + dir.resolve("state") + "\n");

        assertEquals(TeleportJupiterOne.OK, TeleportJupiterOne.run("check", "--config", config.toString()));

        assertTrue(Files.notExists(dir.resolve("out")), "no dry-run output");
        assertTrue(Files.notExists(dir.resolve("state")), "no state");
    }

    @Test
    void theConfigFileIsRead() throws IOException {
        // a key without an account id is refused, which proves the file's settings were applied
        Path config = Files.writeString(dir.resolve("app.properties"), "j1.api-key = from-the-file\n");
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, TeleportJupiterOne.run("check", "--config",
                config.toString()));
    }

    @Test
    void checkOfABrokenClusterFromTheRoutesDirectoryFails() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("clusters"));
        Files.writeString(routes.resolve("broken.camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: teleport-sync
                    routeId: sync-broken
                    parameters:
                      - { name: cluster, value: broken }
                      - { name: address, value: "127.0.0.1:1" }
                      - { name: identityFile, value: "%s" }
                """.formatted(dir.resolve("no-identity")));

        assertEquals(TeleportJupiterOne.SYNC_FAILED, TeleportJupiterOne.run("check", "--routes", routes.toString()));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR,
                TeleportJupiterOne.run("sync", "nosuch", "--routes", routes.toString()));
    }
}

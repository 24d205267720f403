package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.run.SyncRun;
import picocli.CommandLine;

/** Commands, options and exit codes, parsed and run in-process as {@code java -jar} would. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return TeleportJupiterOne.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void optionsGoBeforeOrAfterTheCommand() throws IOException {
        Path routes = Files.createDirectories(dir.resolve("clusters"));
        Path config = Files.writeString(dir.resolve("app.properties"), "sync.cron = 0 0/5 * * * ?\n");

        CommandLine line = TeleportJupiterOne.commandLine();
        List<CommandLine> parsed = line.parseArgs("--routes", routes.toString(), "sync", "prod",
                "--config=" + config).asCommandLineList();

        AppOptions options = ((TeleportJupiterOne) line.getCommand()).options();
        assertEquals(routes, options.routesDir());
        assertEquals(config, options.configFile());
        assertEquals(List.of("prod"), ((SyncCommand) parsed.get(1).getCommand()).clusters);
        assertEquals("classpath:routes/*.camel.yaml,file:" + routes.toAbsolutePath() + "/*.yaml",
                options.routesIncludePattern());
        CommandLine none = TeleportJupiterOne.commandLine();
        assertEquals(1, none.parseArgs().asCommandLineList().size(), "no command: the root runs sync");
        assertNull(((TeleportJupiterOne) none.getCommand()).options().routesIncludePattern());
    }

    @Test
    void aMissingRoutesDirectoryOrConfigFileIsAConfigurationError() {
        ConfigurationException routes = assertThrows(ConfigurationException.class,
                () -> new AppOptions(null, dir.resolve("nope"), false));
        assertTrue(routes.getMessage().contains("no such directory"), routes.getMessage());
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("check", "--config"));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR,
                run("check", "--config", dir.resolve("missing.properties").toString()));
        assertTrue(err.toString().contains("missing.properties: no such file"), err.toString());
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("frobnicate"));
    }

    @Test
    void aMistypedCommandSuggestsTheRightOne() {
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("chekc"));
        assertTrue(err.toString().contains("Did you mean"), err.toString());
        assertTrue(err.toString().contains("check"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("dead-letters", "lst"));
        assertTrue(err.toString().contains("list"), err.toString());
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"sync", "--help"}, {"run", "--help"},
                {"check", "-h"}, {"demo", "--help"}, {"sandbox", "--help"}, {"dead-letters", "--help"},
                {"dead-letters", "replay", "--help"}, {"help", "dead-letters"}}) {
            out.getBuffer().setLength(0);
            assertEquals(TeleportJupiterOne.OK, run(args), String.join(" ", args));
            assertTrue(out.toString().startsWith("Usage: teleport-jupiterone"), out.toString());
            assertTrue(out.toString().contains("--config=FILE"), "global options in every help: " + out);
        }
        out.getBuffer().setLength(0);
        run("sandbox", "--help");
        assertTrue(out.toString().contains("--users=N"), out.toString());
    }

    @Test
    void deadLettersWithoutASubcommandIsAUsageError() {
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("dead-letters"));
        assertTrue(err.toString().contains("list, show, replay or purge"), err.toString());
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("dead-letters", "purge"));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("dead-letters", "purge", "a/b", "--all"));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("sandbox", "--port", "70000"));
        assertTrue(err.toString().contains("--port must be between 0 and 65535, not 70000"), err.toString());
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

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(TeleportJupiterOne.OK, run("check", "--config", config.toString()));
        } finally {
            System.setOut(stdout);
        }

        String shown = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, shown.split("Effective configuration:", -1).length - 1, shown);
        assertTrue(shown.contains(dir.resolve("out").toString()), "the file's value: " + shown);
        assertTrue(shown.contains("checks passed."), shown);
        assertTrue(Files.notExists(dir.resolve("out")), "no dry-run output");
        assertTrue(Files.notExists(dir.resolve("state")), "no state");
    }

    @Test
    void theConfigFileIsRead() throws IOException {
        // a key without an account id is refused, which proves the file's settings were applied
        Path config = Files.writeString(dir.resolve("app.properties"), "j1.api-key = from-the-file\n");
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR, run("check", "--config", config.toString()));
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

        assertEquals(TeleportJupiterOne.SYNC_FAILED, run("check", "--routes", routes.toString()));
        assertEquals(TeleportJupiterOne.CONFIGURATION_ERROR,
                run("sync", "nosuch", "--routes", routes.toString()));
    }
}

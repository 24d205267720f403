package org.teleportj1.app;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.deadletter.DeadLetterCommand;
import org.teleportj1.sandbox.SandboxCommand;
import org.teleportj1.sync.SyncRun;

/**
 * The command line. Exit codes: 0 success, 1 a sync failed, 2 configuration error.
 */
public final class TeleportJupiterOne {
    public static final int OK = 0;
    public static final int SYNC_FAILED = 1;
    public static final int CONFIGURATION_ERROR = 2;
    private static final Logger LOG = LoggerFactory.getLogger(TeleportJupiterOne.class);

    private static final String USAGE = """
            Usage: java -jar teleport-jupiterone.jar [command]

              sync [cluster...]   sync every configured cluster (or the named ones) once and exit (default)
              run                 stay up and sync each cluster on its cron schedule
              sandbox [options]   run the built-in sandbox Teleport cluster until stopped
                                  (--port N, default 3025; --dir DIR, default ./sandbox; --users N)
              dead-letters ...    list, show, replay or purge runs that could not be delivered
              help                this text

            Settings come from application.properties and environment variables (README: Configuration).
            Exit codes: 0 success, 1 a sync failed, 2 configuration error.""";

    private TeleportJupiterOne() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        String command = args.length == 0 ? "sync" : args[0];
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        return switch (command) {
            case "sync" -> sync(new LinkedHashSet<>(rest));
            case "run" -> scheduled();
            case "sandbox" -> SandboxCommand.run(rest.toArray(String[]::new));
            case "dead-letters" -> DeadLetterCommand.run(rest.toArray(String[]::new));
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield OK;
            }
            default -> {
                System.err.println("Unknown command '" + command + "'.\n" + USAGE);
                yield CONFIGURATION_ERROR;
            }
        };
    }

    static int sync(Set<String> clusters) {
        Main main = newMain();
        // the one-shot run triggers the routes itself; the cron schedules stay off
        main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        int[] exitCode = {SYNC_FAILED};
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                try {
                    List<SyncRun> runs = OneShotSync.runAll(support.getCamelContext(), clusters);
                    exitCode[0] = OneShotSync.exitCode(runs);
                } catch (ConfigurationException e) {
                    LOG.error("{}", e.getMessage());
                    exitCode[0] = CONFIGURATION_ERROR;
                } finally {
                    main.completed();
                }
            }
        });
        return runMain(main, exitCode);
    }

    static int scheduled() {
        Main main = newMain();
        return runMain(main, new int[] {OK});
    }

    private static int runMain(Main main, int[] exitCode) {
        try {
            main.run();
            return exitCode[0];
        } catch (Exception e) {
            ConfigurationException configuration = configurationCause(e);
            if (configuration != null) {
                LOG.error("{}", configuration.getMessage());
            } else {
                LOG.error("Cannot start: {}", e.getMessage(), e);
            }
            return CONFIGURATION_ERROR;
        }
    }

    static Main newMain() {
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        return main;
    }

    private static ConfigurationException configurationCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }
}

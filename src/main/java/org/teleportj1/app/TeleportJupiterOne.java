package org.teleportj1.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.deadletter.DeadLetterCommand;
import org.teleportj1.sandbox.SandboxCommand;

/**
 * The command line. Exit codes: 0 success, 1 failed (every selected sync, or a check item),
 * 2 configuration error, 3 partial failure (some clusters synced, others failed).
 */
public final class TeleportJupiterOne {
    public static final int OK = 0;
    public static final int SYNC_FAILED = 1;
    public static final int CONFIGURATION_ERROR = 2;
    public static final int PARTIAL_FAILURE = 3;
    private static final Logger LOG = LoggerFactory.getLogger(TeleportJupiterOne.class);

    static final String USAGE = """
            Usage: java -jar teleport-jupiterone.jar [options] [command]

              sync [cluster...]   sync every configured cluster (or the named ones) once and exit (default)
              run                 stay up and sync each cluster on its cron schedule
              check [cluster...]  validate configuration and credentials, write nothing: identity valid,
                                  Ping answered, each resource listable, J1 accepts the key
              demo                two dry-run syncs of the built-in sandbox with a change in between,
                                  into ./demo (shows the summary and the change report)
              sandbox [options]   run the built-in sandbox Teleport cluster until stopped
                                  (--port N, default 3025; --dir DIR, default ./sandbox; --users N)
              dead-letters ...    list, show, replay or purge runs that could not be delivered
              help                this text

            Options:
              --routes DIR        cluster route files (*.yaml, templatedRoute of teleport-sync) in DIR
                                  replace the default cluster
              --config FILE       a properties file read after the shipped application.properties
                                  (environment variables still override both)

            Settings come from application.properties and environment variables (README: Configuration).
            Exit codes: 0 success, 1 failed, 2 configuration error, 3 partial failure (some clusters failed).""";

    private TeleportJupiterOne() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return CONFIGURATION_ERROR;
        }
        List<String> rest = line.arguments();
        return switch (line.command()) {
            case "sync" -> once(line, context -> OneShotSync.exitCode(
                    OneShotSync.runAll(context, new LinkedHashSet<>(rest))));
            case "check" -> once(line, context -> ConfigurationCheckCommand.run(context, new LinkedHashSet<>(rest)));
            case "demo" -> SandboxDemo.run(line);
            case "run" -> scheduled(line);
            case "sandbox" -> SandboxCommand.run(rest.toArray(String[]::new));
            case "dead-letters" -> DeadLetterCommand.run(rest.toArray(String[]::new));
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield OK;
            }
            default -> {
                System.err.println("Unknown command '" + line.command() + "'.\n" + USAGE);
                yield CONFIGURATION_ERROR;
            }
        };
    }

    /**
     * Starts Camel without the Quartz schedules, runs {@code work} on the started context and
     * stops; the work's result is the exit code.
     */
    static int once(CommandLine line, ToIntFunction<CamelContext> work) {
        Main main = newMain(line);
        main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        int[] exitCode = {SYNC_FAILED};
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                try {
                    exitCode[0] = work.applyAsInt(support.getCamelContext());
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

    static int scheduled(CommandLine line) {
        Main main = newMain(line);
        return runMain(main, new int[] {OK});
    }

    static int runMain(Main main, int[] exitCode) {
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

    static Main newMain(CommandLine line) {
        // no main class: it would make camel-main scan this package and bind AppConfiguration twice
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        if (line.configFile() != null) {
            ConfigFile.read(line.configFile()).forEach(main::addOverrideProperty);
        }
        if (line.routesIncludePattern() != null) {
            main.addOverrideProperty("camel.main.routes-include-pattern", line.routesIncludePattern());
        }
        if ("demo".equals(line.command())) {
            SandboxDemo.configure(main);
        }
        return main;
    }

    static Main newMain() {
        return newMain(CommandLine.parse());
    }

    private static ConfigurationException configurationCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }

    /** Kept for callers of the first CLI: sync the named clusters once. */
    static int sync(Set<String> clusters) {
        return once(CommandLine.parse(), context -> OneShotSync.exitCode(OneShotSync.runAll(context, clusters)));
    }
}

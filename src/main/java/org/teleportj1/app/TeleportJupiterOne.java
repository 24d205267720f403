package org.teleportj1.app;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.teleportj1.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line. Exit codes: 0 success, 1 failed (every selected sync, or a check item),
 * 2 configuration error, 3 partial failure (some clusters synced, others failed).
 * Without a command it syncs every configured cluster once ({@code sync}).
 */
@Command(name = "teleport-jupiterone", usageHelpAutoWidth = true,
        description = "Syncs Teleport clusters (users, roles, access lists) into JupiterOne.",
        subcommands = {SyncCommand.class, RunCommand.class, ConfigurationCheckCommand.class, SandboxDemo.class,
                SandboxCommand.class, DeadLetterCommand.class, HelpCommand.class},
        footer = {"", "Without a command: sync.",
                "Settings come from application.properties, --config, environment variables and -D system"
                        + " properties (README: Configuration).",
                "Exit codes: 0 success, 1 failed, 2 configuration error, 3 partial failure (some clusters failed)."})
public final class TeleportJupiterOne implements Callable<Integer> {
    public static final int OK = 0;
    public static final int SYNC_FAILED = 1;
    public static final int CONFIGURATION_ERROR = 2;
    public static final int PARTIAL_FAILURE = 3;

    // INHERIT: accepted before or after any command; picocli stores the value here either way
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "a properties file read after the shipped application.properties (environment"
                    + " variables and -D system properties still override it)")
    Path configFile;

    @Option(names = "--routes", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "cluster route files (*.yaml, templatedRoute of teleport-sync) in DIR replace the"
                    + " default cluster")
    Path routesDir;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "stack traces with errors")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new TeleportJupiterOne())
                .setExecutionExceptionHandler(new CommandFailure());
    }

    /** The global options of the command line {@code spec} belongs to (none when run on its own). */
    public static AppOptions options(CommandSpec spec) {
        return spec.root().userObject() instanceof TeleportJupiterOne root ? root.options() : AppOptions.none();
    }

    /** Whether --verbose was given, without checking the other options. */
    static boolean verbose(CommandSpec spec) {
        return spec.root().userObject() instanceof TeleportJupiterOne root && root.verbose;
    }

    AppOptions options() {
        return new AppOptions(configFile, routesDir, verbose);
    }

    @Override
    public Integer call() {
        return SyncCommand.sync(options(), Set.of());
    }
}

package org.teleportj1.sandbox;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sandbox} command: runs a sandbox cluster on its own, so that other clients and tools
 * can be pointed at it, until Ctrl-C or SIGTERM. Exit 0 when stopped, 2 for bad arguments, 1 if it
 * cannot start.
 */
@Command(name = "sandbox", description = "run the built-in sandbox Teleport cluster until stopped")
public final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + SandboxOptions.DEFAULT_PORT,
            description = "port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "sandbox",
            description = "directory for the identity file (default ./${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--users", paramLabel = "N", defaultValue = "0", description = {
        "users to serve, with proportional roles, lists, memberships and reviews",
        "(default: the built-in demo data only)"})
    int users;

    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = SandboxOptions.DEFAULT_CLUSTER_NAME,
            description = "cluster name (default ${DEFAULT-VALUE})")
    String cluster;

    @Option(names = "--teleport-version", paramLabel = "V", defaultValue = "current", description = {
        "Teleport release to imitate, with its RPCs and known bugs: 14.3, 15.0, 16, 17, 18.0 or current",
        "(default ${DEFAULT-VALUE})"})
    String teleportVersion;

    /** Null: stop when the JVM is asked to. */
    private final CountDownLatch stop;
    private final Consumer<SandboxCluster> started;

    public SandboxCommand() {
        this(null, cluster -> { });
    }

    private SandboxCommand(CountDownLatch stop, Consumer<SandboxCluster> started) {
        this.stop = stop;
        this.started = started;
    }

    @Override
    public Integer call() {
        SandboxOptions options = options();
        if (stop != null) {
            return serve(options, stop);
        }
        CountDownLatch stopSignal = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopSignal.countDown();
            awaitQuietly(stopped);
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(options, stopSignal);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped us
            }
        }
    }

    /** The command on its own, with its streams and stop signal given, so tests can run and stop it. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop,
                   Consumer<SandboxCluster> started) {
        return standAlone(new SandboxCommand(stop, started))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    /** The options the arguments ask for, or null when they ask for help. */
    static SandboxOptions parse(String[] args) {
        SandboxCommand command = new SandboxCommand();
        CommandLine line = standAlone(command);
        line.parseArgs(args);
        return line.isUsageHelpRequested() ? null : command.options();
    }

    /** Inside the program, --help is the program's inherited option; on its own the command needs one. */
    private static CommandLine standAlone(SandboxCommand command) {
        CommandLine line = new CommandLine(command);
        line.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("this help").build());
        return line;
    }

    private SandboxOptions options() {
        return SandboxOptions.defaults(dir).withPort(range("--port", port, 0, 65535))
                .withUsers(range("--users", users, 0, 10_000_000)).withClusterName(cluster)
                .withTeleportVersion(version());
    }

    private TeleportVersion version() {
        try {
            return TeleportVersion.parse(teleportVersion);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--teleport-version: " + e.getMessage());
        }
    }

    private int range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private int serve(SandboxOptions options, CountDownLatch stopSignal) {
        PrintWriter out = spec.commandLine().getOut();
        SandboxCluster cluster;
        try {
            cluster = SandboxCluster.start(options);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("sandbox: cannot start: " + e.getMessage());
            return 1;
        }
        try (cluster) {
            SandboxData data = cluster.data();
            out.println("Teleport sandbox cluster \"" + cluster.clusterName() + "\" listening on " + cluster.address());
            out.println("identity file: " + cluster.identityFile());
            out.printf("serving %d users, %d roles, %d access lists, %d memberships, %d reviews%n",
                    data.userCount(), data.roleCount(), data.accessListCount(), data.memberCount(), data.reviewCount());
            out.println("TLS server name: " + CertificateAuthority.AUTH_SERVER_NAME + "; press Ctrl-C to stop");
            out.flush();
            started.accept(cluster);
            stopSignal.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.teleportj1.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The {@code sandbox} command: runs a sandbox cluster on its own, so that other clients and tools
 * can be pointed at it, until Ctrl-C or SIGTERM.
 * <pre>
 * sandbox [--port N] [--dir D] [--users N] [--cluster NAME]
 * </pre>
 */
public final class SandboxCommand {
    static final String USAGE = """
            Usage: sandbox [--port N] [--dir D] [--users N] [--cluster NAME]
              --port N        port on 127.0.0.1 (default 3025; 0 = any free port)
              --dir D         directory for the identity file (default ./sandbox)
              --users N       users to serve, with proportional roles, lists, memberships and reviews
                              (default: the built-in demo data only)
              --cluster NAME  cluster name (default sandbox.teleport.local)""";

    private SandboxCommand() {
    }

    /** Runs until the JVM is asked to stop; returns 0, or 2 for bad arguments, 1 if it cannot start. */
    public static int run(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(args, System.out, System.err, stop, cluster -> { });
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped us
            }
        }
    }

    /** The command with its streams and stop signal given, so tests can run and stop it. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop,
                   Consumer<SandboxCluster> started) {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        SandboxCluster cluster;
        try {
            cluster = SandboxCluster.start(options);
        } catch (RuntimeException e) {
            err.println("sandbox: cannot start: " + e.getMessage());
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
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The options the arguments ask for, or null when they ask for help. */
    static SandboxOptions parse(String[] args) {
        int port = SandboxOptions.DEFAULT_PORT;
        Path dir = Path.of("sandbox");
        int users = 0;
        String cluster = SandboxOptions.DEFAULT_CLUSTER_NAME;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--port" -> port = number(arg, value(args, ++i, arg), 0, 65535);
                case "--dir" -> dir = Path.of(value(args, ++i, arg));
                case "--users" -> users = number(arg, value(args, ++i, arg), 0, 10_000_000);
                case "--cluster" -> cluster = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return SandboxOptions.defaults(dir).withPort(port).withUsers(users).withClusterName(cluster);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not \"" + value + "\"");
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

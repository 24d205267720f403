package org.teleportj1.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxData;
import org.teleportj1.sandbox.SandboxLauncher;
import org.teleportj1.sandbox.SandboxSeed;
import org.teleportj1.sandbox.TeleportResources;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code demo} command: what the program does, on the built-in sandbox, without any
 * configuration and without sending anything anywhere. Two dry-run syncs into {@code ./demo}
 * with a change in between (a user added, a membership removed, a role edited), so the second
 * run's change report shows exactly what an operator would see after a J1 alert.
 */
@Command(name = "demo", description = "two dry-run syncs of the built-in sandbox with a change in between, into"
        + " ./demo (shows the summary and the change report)")
final class SandboxDemo implements Callable<Integer> {
    static final Path DIR = Path.of("demo");
    static final String NEW_USER = "new-hire@example.com";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        deleteQuietly(DIR.resolve("state"));
        // the demo's own settings: --config and --routes do not apply, --verbose does
        AppOptions options = new AppOptions(null, null, TeleportJupiterOne.verbose(spec));
        Main main = Bootstrap.newMain(options);
        configure(main);
        return Bootstrap.once(main, options, SandboxDemo::twoRuns);
    }

    /** Settings of the demo: the sandbox, a dry run, everything under ./demo (whatever the environment says). */
    static void configure(Main main) {
        main.addOverrideProperty("teleport.address", "sandbox");
        main.addOverrideProperty("j1.api-key", "");
        main.addOverrideProperty("j1.account-id", "");
        main.addOverrideProperty("sync.output-dir", DIR.resolve("output").toString());
        main.addOverrideProperty("sync.state-dir", DIR.resolve("state").toString());
        main.addOverrideProperty("camel.main.routes-include-pattern",
                AppOptions.MACHINERY_ROUTES + "," + AppOptions.DEFAULT_CLUSTERS);
    }

    static int twoRuns(CamelContext context) {
        System.out.println("""

                == teleport-jupiterone demo ==
                Run 1 reads the built-in sandbox Teleport cluster (a real gRPC server with mutual TLS on
                127.0.0.1) and writes what it would upload to JupiterOne into demo/output/default/.
                """);
        List<SyncRun> first = OneShotSync.runAll(context, Set.of("default"));
        if (first.get(0) == null || first.get(0).result() != RunResult.SUCCEEDED) {
            return TeleportJupiterOne.SYNC_FAILED;
        }
        change(SandboxLauncher.of(context).cluster());
        System.out.println("""

                An administrator now changes the cluster: adds user %s, removes bob from the
                Engineering access list, and edits the role 'auditor'. Run 2 syncs again and reports
                what changed since run 1, by _type (keys in demo/state/default/dry-run/changes.json)
                and in sentences (demo/state/default/dry-run/changes.txt).
                """.formatted(NEW_USER));
        List<SyncRun> second = OneShotSync.runAll(context, Set.of("default"));
        printSentences(context, second.get(0));
        int exit = OneShotSync.exitCode(second);
        System.out.println("""

                Next: 'check' validates a real configuration (README: Pointing it at a real cluster);
                'sync' and 'run' do the same against your clusters and JupiterOne.
                """);
        return exit;
    }

    /** The second run's change report in sentences, as the state directory keeps it. */
    private static void printSentences(CamelContext context, SyncRun run) {
        if (run == null || run.result() != RunResult.SUCCEEDED) {
            return;
        }
        Path file = context.getRegistry().findSingleByType(StateDirectory.class).cluster(run.cluster())
                .changeReportDir(run.mode().target()).resolve("changes.txt");
        try {
            System.out.println(System.lineSeparator() + Files.readString(file));
        } catch (IOException e) {
            System.out.println("(no readable change report: " + e.getMessage() + ")");
        }
    }

    /** The three changes of the acceptance scenario. */
    static void change(SandboxCluster cluster) {
        SandboxData data = cluster.data();
        data.putUser(TeleportResources.user(NEW_USER, List.of("access")).build());
        data.removeMember(SandboxSeed.ENGINEERING, SandboxSeed.BOB_GITHUB);
        RoleV6 auditor = data.role("auditor").orElseThrow();
        RoleV6.Builder edited = auditor.toBuilder();
        edited.getSpecBuilder().getAllowBuilder().addLogins("audit-readonly");
        data.putRole(edited.build());
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}

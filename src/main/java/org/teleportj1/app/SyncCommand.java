package org.teleportj1.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sync [cluster...]}: every configured cluster (or the named ones) once, then exit. */
@Command(name = "sync", description = "sync every configured cluster (or the named ones) once and exit (default)")
final class SyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLUSTER", arity = "0..*", description = "clusters to sync (default: all)")
    List<String> clusters = List.of();

    @Override
    public Integer call() {
        return sync(TeleportJupiterOne.options(spec), new LinkedHashSet<>(clusters));
    }

    static int sync(AppOptions options, Set<String> clusters) {
        return Bootstrap.once(options, context -> OneShotSync.exitCode(OneShotSync.runAll(context, clusters)));
    }
}

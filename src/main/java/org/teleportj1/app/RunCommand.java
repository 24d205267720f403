package org.teleportj1.app;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: stays up and syncs each cluster on its cron schedule. */
@Command(name = "run", description = "stay up and sync each cluster on its cron schedule")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Bootstrap.scheduled(TeleportJupiterOne.options(spec),
                context -> LOG.info("{}", EffectiveConfiguration.describe(context)));
    }
}

package org.teleportj1.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.teleportj1.deadletter.DeadLetter;
import org.teleportj1.deadletter.DeadLetterStore;
import org.teleportj1.deadletter.ReplayCommand;
import org.teleportj1.deadletter.ReplayRefusedException;
import org.teleportj1.state.StateJson;
import org.teleportj1.deadletter.Envelope;
import org.teleportj1.run.Replay;

/**
 * The {@code dead-letters} command: list, show, replay, purge. Each subcommand boots the same
 * Camel application as a sync (settings, J1 routes, retries) without starting any schedule.
 */
@Command(name = "dead-letters", description = "list, show, replay or purge runs that could not be delivered",
        subcommands = {DeadLetterCommand.ListLetters.class, DeadLetterCommand.Show.class,
                DeadLetterCommand.Replay.class, DeadLetterCommand.Purge.class})
public final class DeadLetterCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = StateJson.mapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "dead-letters needs a command: list, show, replay or purge");
    }

    /** Runs one command ({@code args} as after {@code dead-letters}) against a started application; the exit code. */
    public static int execute(CamelContext context, String[] args, PrintStream out) {
        CommandLine line = new CommandLine(new DeadLetterCommand());
        try {
            List<CommandLine> parsed = line.parseArgs(args).asCommandLineList();
            if (parsed.get(parsed.size() - 1).getCommand() instanceof Action action) {
                return action.execute(context, out);
            }
            throw new ParameterException(line, "dead-letters needs a command: list, show, replay or purge");
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            return TeleportJupiterOne.CONFIGURATION_ERROR;
        }
    }

    /** A subcommand: its work on a started application, with the exit codes every subcommand shares. */
    abstract static class Action implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return Bootstrap.onceWithoutSyncRoutes(TeleportJupiterOne.options(spec), context -> execute(context, System.out));
        }

        int execute(CamelContext context, PrintStream out) {
            DeadLetterStore store = context.getRegistry().lookupByNameAndType("deadLetters", DeadLetterStore.class);
            try {
                return run(context, store, out);
            } catch (ReplayRefusedException e) {
                System.err.println("Replay refused: " + e.getMessage());
                return TeleportJupiterOne.SYNC_FAILED;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return TeleportJupiterOne.CONFIGURATION_ERROR;
            } catch (Exception e) {
                System.err.println("dead-letters " + spec.name() + ": " + e.getMessage());
                return TeleportJupiterOne.SYNC_FAILED;
            }
        }

        abstract int run(CamelContext context, DeadLetterStore store, PrintStream out) throws Exception;
    }

    @Command(name = "list", description = "runs that could not be delivered")
    static final class ListLetters extends Action {
        @Override
        int run(CamelContext context, DeadLetterStore store, PrintStream out) throws Exception {
            List<DeadLetter> letters = store.list();
            if (letters.isEmpty()) {
                out.println("No dead letters in " + store.dir());
                return TeleportJupiterOne.OK;
            }
            out.printf("%-36s %-9s %-24s %9s %5s  %s%n", "ID", "STATUS", "READ AT", "OBJECTS", "HTTP", "REASON");
            for (DeadLetter letter : letters) {
                String reason = letter.envelope().reason() == null ? "" : letter.envelope().reason();
                out.printf("%-36s %-9s %-24s %9d %5s  %s%n", letter.id(), letter.status(), letter.snapshotAt(),
                        letter.objects(), letter.envelope().httpStatus() == 0 ? "-"
                                : String.valueOf(letter.envelope().httpStatus()),
                        reason.length() > 100 ? reason.substring(0, 100) + "..." : reason);
            }
            return TeleportJupiterOne.OK;
        }
    }

    @Command(name = "show", description = "envelope: reason, HTTP status, attempts, counts, replays")
    static final class Show extends Action {
        @Parameters(paramLabel = "CLUSTER/RUN", description = "the dead letter ('dead-letters list' shows them)")
        String id;

        @Override
        int run(CamelContext context, DeadLetterStore store, PrintStream out) throws Exception {
            out.println(JSON.writeValueAsString(store.read(id).envelope()));
            return TeleportJupiterOne.OK;
        }
    }

    @Command(name = "replay", description = "send the spooled graph again as a new complete J1 job; refused when a"
            + " newer sync of the cluster succeeded or it was replayed already (--force), or when the graph shrank"
            + " more than the deletion guard allows (--allow-shrink)")
    static final class Replay extends Action {
        @Parameters(paramLabel = "CLUSTER/RUN", description = "the dead letter ('dead-letters list' shows them)")
        String id;

        @Option(names = "--force", description = "replay although newer data was synced or it was replayed already")
        boolean force;

        @Option(names = "--allow-shrink", description = "allow a bigger shrink than the deletion guard's")
        boolean allowShrink;

        @Override
        int run(CamelContext context, DeadLetterStore store, PrintStream out) throws Exception {
            SyncRun run = new ReplayCommand(context).replay(id, force, allowShrink);
            // a partial dead letter replayed as partial is what was asked for: applied
            boolean applied = run.result() == RunResult.SUCCEEDED || run.result() == RunResult.PARTIAL;
            out.println(applied
                    ? "Replayed as J1 job " + run.jobId() + ": " + run.delivery().jobStatus() + ", "
                    + run.batcher().objectCount() + " objects"
                    + (run.isPartial() ? ", partial datasets " + run.delivery().partialTypes() : "")
                    : "Replay failed: " + run.failure());
            return applied ? TeleportJupiterOne.OK : TeleportJupiterOne.SYNC_FAILED;
        }
    }

    @Command(name = "purge", description = "delete dead letters")
    static final class Purge extends Action {
        @ArgGroup(multiplicity = "1")
        Which which;

        /** Exactly one of: a dead letter, the replayed ones, all. */
        static final class Which {
            @Parameters(paramLabel = "CLUSTER/RUN", description = "this dead letter")
            String id;

            @Option(names = "--replayed", description = "every replayed dead letter")
            boolean replayed;

            @Option(names = "--all", description = "every dead letter")
            boolean all;
        }

        @Override
        int run(CamelContext context, DeadLetterStore store, PrintStream out) throws Exception {
            List<DeadLetter> letters = which.all ? store.list()
                    : which.replayed ? store.list().stream().filter(l -> Envelope.REPLAYED.equals(l.status())).toList()
                    : List.of(store.read(which.id));
            for (DeadLetter letter : letters) {
                store.purge(letter);
                out.println("Purged " + letter.id());
            }
            return TeleportJupiterOne.OK;
        }
    }
}

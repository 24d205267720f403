package org.teleportj1.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.teleportj1.app.AppConfiguration;
import org.teleportj1.app.TeleportJupiterOne;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;

/**
 * The {@code dead-letters} command: list, show, replay, purge. It boots the same Camel
 * application as a sync (settings, J1 routes, retries) without starting any schedule.
 */
public final class DeadLetterCommand {
    static final String USAGE = """
            Usage: java -jar teleport-jupiterone.jar dead-letters <command>

              list                              runs that could not be delivered
              show <cluster>/<run>              envelope: reason, HTTP status, attempts, counts, replays
              replay <cluster>/<run> [--force] [--allow-shrink]
                                                send the spooled graph again as a new complete J1 job;
                                                refused when a newer sync of the cluster succeeded or it
                                                was replayed already (--force), or when the graph shrank
                                                more than the deletion guard allows (--allow-shrink)
              purge <cluster>/<run> | --replayed | --all
                                                delete dead letters""";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeadLetterCommand() {
    }

    public static int run(String[] args) {
        if (args.length == 0 || !List.of("list", "show", "replay", "purge").contains(args[0])) {
            System.err.println(USAGE);
            return args.length > 0 && List.of("help", "--help", "-h").contains(args[0])
                    ? TeleportJupiterOne.OK : TeleportJupiterOne.CONFIGURATION_ERROR;
        }
        Main main = new Main(TeleportJupiterOne.class);
        main.configure().addConfiguration(AppConfiguration.class);
        main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        int[] exitCode = {TeleportJupiterOne.SYNC_FAILED};
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                try {
                    exitCode[0] = execute(support.getCamelContext(), args, System.out);
                } finally {
                    main.completed();
                }
            }
        });
        try {
            main.run();
        } catch (Exception e) {
            System.err.println("dead-letters: cannot start: " + e.getMessage());
            return TeleportJupiterOne.CONFIGURATION_ERROR;
        }
        return exitCode[0];
    }

    /** Runs one command against a started application; the exit code. */
    public static int execute(CamelContext context, String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        DeadLetterStore store = context.getRegistry().lookupByNameAndType("deadLetters", DeadLetterStore.class);
        try {
            switch (args[0]) {
                case "list" -> list(store, out);
                case "show" -> out.println(JSON.writeValueAsString(store.read(single(rest)).envelope()));
                case "replay" -> {
                    boolean force = rest.remove("--force");
                    boolean allowShrink = rest.remove("--allow-shrink");
                    SyncRun run = new ReplayCommand(context).replay(single(rest), force, allowShrink);
                    // a partial dead letter replayed as partial is what was asked for: applied
                    boolean applied = run.result() == RunResult.SUCCEEDED || run.result() == RunResult.PARTIAL;
                    out.println(applied
                            ? "Replayed as J1 job " + run.jobId() + ": " + run.delivery().jobStatus() + ", "
                            + run.batcher().objectCount() + " objects"
                            + (run.isPartial() ? ", partial datasets " + run.delivery().partialTypes() : "")
                            : "Replay failed: " + run.failure());
                    return applied ? TeleportJupiterOne.OK : TeleportJupiterOne.SYNC_FAILED;
                }
                case "purge" -> purge(store, single(rest), out);
                default -> throw new IllegalArgumentException(USAGE);
            }
            return TeleportJupiterOne.OK;
        } catch (ReplayRefusedException e) {
            System.err.println("Replay refused: " + e.getMessage());
            return TeleportJupiterOne.SYNC_FAILED;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return TeleportJupiterOne.CONFIGURATION_ERROR;
        } catch (Exception e) {
            System.err.println("dead-letters " + args[0] + ": " + e.getMessage());
            return TeleportJupiterOne.SYNC_FAILED;
        }
    }

    private static void list(DeadLetterStore store, PrintStream out) throws Exception {
        List<DeadLetter> letters = store.list();
        if (letters.isEmpty()) {
            out.println("No dead letters in " + store.dir());
            return;
        }
        out.printf("%-36s %-9s %-24s %9s %5s  %s%n", "ID", "STATUS", "READ AT", "OBJECTS", "HTTP", "REASON");
        for (DeadLetter letter : letters) {
            String reason = letter.envelope().path("reason").asText("");
            out.printf("%-36s %-9s %-24s %9d %5s  %s%n", letter.id(), letter.status(), letter.snapshotAt(),
                    letter.objects(), letter.envelope().path("httpStatus").asInt() == 0 ? "-"
                            : letter.envelope().path("httpStatus").asText(),
                    reason.length() > 100 ? reason.substring(0, 100) + "..." : reason);
        }
    }

    private static void purge(DeadLetterStore store, String what, PrintStream out) throws Exception {
        List<DeadLetter> letters = switch (what) {
            case "--all" -> store.list();
            case "--replayed" -> store.list().stream().filter(l -> "replayed".equals(l.status())).toList();
            default -> List.of(store.read(what));
        };
        for (DeadLetter letter : letters) {
            store.purge(letter);
            out.println("Purged " + letter.id());
        }
    }

    private static String single(List<String> rest) {
        if (rest.size() != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        return rest.get(0);
    }
}

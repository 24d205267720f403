package org.teleportj1.deadletter;

/** The {@code dead-letters} command: list, show, replay, purge. */
public final class DeadLetterCommand {
    private DeadLetterCommand() {
    }

    public static int run(String[] args) {
        System.err.println("dead-letters: not implemented yet");
        return 2;
    }
}

package org.teleportj1.sandbox;

/** Stub until the sandbox lands. */
public final class SandboxCommand {
    private SandboxCommand() {
    }

    public static int run(String[] args) {
        throw new UnsupportedOperationException("stub");
    }
}

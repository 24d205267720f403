package org.teleportj1.app;

public final class TeleportJupiterOne {
    public static void main(String[] args) {
    }
}

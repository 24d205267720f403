package org.teleportj1.sandbox;

import java.nio.file.Path;

/**
 * @param port    port to listen on, 0 for any free port
 * @param workDir where the identity file is written
 * @param users   number of users to seed (the built-in demo data is always included)
 */
public record SandboxOptions(int port, Path workDir, int users) {
}

package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxLauncherTest {
    @Test
    void stoppingDeletesTheDirectoryWithTheIdentityFile() {
        SandboxLauncher launcher = new SandboxLauncher();
        launcher.start();
        Path identity = launcher.cluster().identityFile();
        assertTrue(Files.isRegularFile(identity), "the sandbox wrote its identity file");

        launcher.stop();

        assertFalse(Files.exists(identity.getParent()), "stopping left " + identity.getParent());
    }

    @Test
    void startingDeletesTheDirectoryAKilledProcessLeftAndKeepsThoseOfLiveOnes() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = Files.createTempDirectory(SandboxLauncher.DIR_PREFIX + gone.pid() + "-");
        Files.writeString(left.resolve("identity"), "a killed sandbox's identity");
        Path live = Files.createTempDirectory(SandboxLauncher.DIR_PREFIX + ProcessHandle.current().pid() + "-");
        SandboxLauncher launcher = new SandboxLauncher();
        try {
            launcher.start();
            launcher.cluster();

            assertFalse(Files.exists(left), "the directory of process " + gone.pid() + " is still there");
            assertTrue(Files.isDirectory(live), "the directory of this live process was deleted");
        } finally {
            launcher.stop();
            Files.deleteIfExists(live);
        }
    }
}

package org.teleportj1.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureReasonTest {
    @TempDir
    Path dir;

    /** A state directory under a file once failed runs with only "failed: /etc/hostname". */
    @Test
    void aFileInTheWayOfADirectoryNamesThePathTheProblemAndTheSettings() throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "not a directory");
        Exception failure = null;
        try {
            Files.createDirectories(file.resolve("default"));
        } catch (java.io.IOException e) {
            failure = new RuntimeException("wrapped", new UncheckedIOException(e));
        }

        String reason = FailureReason.of(failure);

        assertTrue(reason.startsWith("cannot use " + file), reason);
        // the JDK says "Not a directory" on Linux, or throws a FileAlreadyExistsException elsewhere
        assertTrue(reason.contains("Not a directory") || reason.contains("a file is in the way"), reason);
        assertTrue(reason.contains("sync.state-dir"), reason);
    }

    @Test
    void otherFailuresKeepTheirInnermostMessage() {
        assertEquals("the real reason", FailureReason.of(new RuntimeException("outer", new IllegalStateException("the real reason"))));
    }
}

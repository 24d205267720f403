package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}'s second run prints what changed in sentences, one per change of the scenario. */
class SandboxDemoTest {
    @TempDir
    Path dir;

    @Test
    void printsASentenceForEachOfItsThreeChanges() {
        Main main = Bootstrap.newMain(AppOptions.none());
        SandboxDemo.configure(main);
        main.addOverrideProperty("sync.output-dir", dir.resolve("output").toString());
        main.addOverrideProperty("sync.state-dir", dir.resolve("state").toString());
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = Bootstrap.once(main, AppOptions.none(), SandboxDemo::twoRuns);
        } finally {
            System.setOut(console);
        }

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(TeleportJupiterOne.OK, exit, out);
        assertTrue(out.contains("  - User " + SandboxDemo.NEW_USER + " added, granted access directly"), out);
        assertTrue(out.contains("  - bob removed from list Engineering: lost dev-db, dev-k8s"), out);
        assertTrue(out.contains("  - Role auditor changed: allowLogins added audit-readonly"), out);
    }
}

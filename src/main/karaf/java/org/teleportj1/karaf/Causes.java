package org.teleportj1.karaf;

import java.util.LinkedHashSet;
import java.util.Set;

/** A failure and its causes on one line: Camel wraps the reason a route could not start several times. */
final class Causes {
    private Causes() {
    }

    static String describe(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 6; t = t.getCause()) {
            messages.add(t.getMessage() != null ? t.getMessage() : t.getClass().getName());
        }
        return String.join(": ", messages);
    }
}

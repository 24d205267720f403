package org.teleportj1.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user sees when Camel cannot start: one line, the configuration message when a setting is
 * wrong, else the innermost cause (Camel wraps it in route and context exceptions); the stack
 * trace only with --verbose.
 */
final class StartupFailure {
    private static final Logger LOG = LoggerFactory.getLogger(StartupFailure.class);

    private StartupFailure() {
    }

    /** Logs the failure and returns exit code 2: nothing was synced. */
    static int report(Exception failure, boolean verbose) {
        ConfigurationException configuration = configurationCause(failure);
        String line = configuration != null ? configuration.getMessage() : "Cannot start: " + oneLine(failure);
        if (verbose) {
            LOG.error("{}", line, failure);
        } else {
            LOG.error("{}", line);
        }
        return TeleportJupiterOne.CONFIGURATION_ERROR;
    }

    static ConfigurationException configurationCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }

    /** The innermost cause's message (with its type when it has none). */
    static String oneLine(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}

package org.teleportj1.sync;

import org.apache.camel.http.base.HttpOperationFailedException;

/** One line that says why something failed, from the most telling exception in the chain. */
public final class FailureReason {

    private FailureReason() {
    }

    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable telling = failure;
        // Camel wraps processor failures; the innermost exception with a message says what happened
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpOperationFailedException http) {
                return "JupiterOne answered HTTP " + http.getStatusCode() + " to " + http.getUri().replaceAll("\\?.*", "")
                        + ": " + abbreviate(http.getResponseBody());
            }
            if (t.getMessage() != null && !(t instanceof org.apache.camel.CamelExecutionException)) {
                telling = t;
                if (t.getClass().getName().startsWith("org.teleportj1")) {
                    break;
                }
            }
        }
        String message = telling.getMessage() == null ? telling.getClass().getSimpleName() : telling.getMessage();
        return message.strip();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

package org.teleportj1.run;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
                        + ": " + j1Error(http.getResponseBody());
            }
            if (t instanceof FileSystemException file && !(t.getCause() instanceof FileSystemException)) {
                return fileProblem(file);
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

    /** The JDK's file exceptions carry only the path as their message: say what is wrong with it. */
    private static String fileProblem(FileSystemException e) {
        String problem = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                        ? "a file is in the way of a directory"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        return "cannot use " + e.getFile() + (e.getOtherFile() == null ? "" : " or " + e.getOtherFile()) + ": "
                + problem + " (the directories sync.state-dir, sync.output-dir and sync.dead-letter-dir name must be"
                + " writable by this user)";
    }

    /** J1's {"error":{"code","message"}} as "CODE: message", else the body abbreviated. */
    private static String j1Error(String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode error = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(body == null ? "" : body).path("error");
            if (error.hasNonNull("code")) {
                return abbreviate(error.path("code").asText() + ": " + error.path("message").asText(""));
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through to the raw body
        }
        return abbreviate(body);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

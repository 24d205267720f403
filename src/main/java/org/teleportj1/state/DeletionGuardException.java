package org.teleportj1.state;

/** The deletion guard refused to finalize; the message gives the figures and how to allow it. */
public class DeletionGuardException extends RuntimeException {
    public DeletionGuardException(String message) {
        super(message);
    }
}

package org.teleportj1.teleport.client;

/** A page that breaks the paging contract of its listing; the listing switches to another path. */
final class ListingViolation extends RuntimeException {
    ListingViolation(String message) {
        super(message, null, false, false);
    }
}

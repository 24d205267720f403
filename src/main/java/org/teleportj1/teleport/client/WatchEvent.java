package org.teleportj1.teleport.client;

import java.time.Instant;

/**
 * One change from a WatchEvents stream: what happened to which object, and when it arrived.
 *
 * @param operation  PUT (created or updated), DELETE, or RESUMED: the stream is back after a break,
 *                   changes in between may be missed (no kind, no name)
 * @param kind       Teleport's kind, e.g. {@code user}, {@code access_list_member}
 * @param name       the object's name (a member's or review's name within its list)
 * @param receivedAt when this client received it
 */
public record WatchEvent(Operation operation, String kind, String name, Instant receivedAt) {
    public enum Operation { PUT, DELETE, RESUMED }
}

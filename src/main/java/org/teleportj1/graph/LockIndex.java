package org.teleportj1.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-force locks that lock a whole user or role out, by target: a user is locked when a lock
 * targets it or any role it holds. The user's own status flag is not enough, it can stay set
 * after the lock expired (docs/teleport-api.md §8).
 */
final class LockIndex {
    private final Map<String, String> byUser = new HashMap<>();
    private final Map<String, String> byRole = new HashMap<>();

    /** Remembers the first in-force lock of each target. */
    void add(LockMapper.Target target, String lockName) {
        (target.kind().equals("user") ? byUser : byRole).putIfAbsent(target.name(), lockName);
    }

    /** The lock that locks the user out, directly or through one of {@code roles}; null when none. */
    String lockOf(String user, Collection<String> roles) {
        String lock = byUser.get(user);
        if (lock != null) {
            return lock;
        }
        for (String role : roles) {
            lock = byRole.get(role);
            if (lock != null) {
                return lock;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return byUser.isEmpty() && byRole.isEmpty();
    }

    /** The in-force lock on the role, or null. */
    String roleLock(String role) {
        return byRole.get(role);
    }
}

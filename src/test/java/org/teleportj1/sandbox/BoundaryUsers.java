package org.teleportj1.sandbox;

import java.util.List;
import org.teleportj1.proto.types.UserV2;

/**
 * Users a ListUsers page boundary can skip on Teleport 18.0.0 (docs/teleport-api.md §6): the first
 * user of the second page plus two names that sort between it and {@code <it>0}.
 */
public final class BoundaryUsers {
    private BoundaryUsers() {
    }

    /** Adds {@code <first>-ops} and {@code <first>.old}; returns the three names a naive reader skips. */
    public static List<String> addAtFirstPageBoundary(SandboxData data, int pageSize) {
        UserV2 first = data.users().sorted((a, b) -> name(a).compareTo(name(b))).skip(pageSize).findFirst()
                .orElseThrow(() -> new IllegalStateException("fewer than " + (pageSize + 1) + " users"));
        String name = name(first);
        for (String suffix : List.of("-ops", ".old")) {
            data.putUser(first.toBuilder().setMetadata(first.getMetadata().toBuilder().setName(name + suffix)).build());
        }
        return List.of(name, name + "-ops", name + ".old");
    }

    private static String name(UserV2 user) {
        return user.getMetadata().getName();
    }
}

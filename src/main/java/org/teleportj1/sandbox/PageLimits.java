package org.teleportj1.sandbox;

/** Teleport's server-side page sizes (docs/teleport-api.md §1.1): what a request gets, not what it asks. */
final class PageLimits {
    static final int USERS_MAX = 1000;
    static final int ROLES_DEFAULT = 100;
    static final int ROLES_MAX = 16_000;
    static final int ACCESS_LISTS_MAX = 100;
    static final int MEMBERS_MAX = 200;
    static final int REVIEWS_MAX = 200;
    static final int ACCESS_REQUESTS_MAX = 1000;
    static final int BOTS_MAX = 1000;
    static final int BOT_INSTANCES_MAX = 1000;

    private PageLimits() {
    }

    /** ListUsers, ListAccessLists, members and reviews: 0 (or anything out of range) means the maximum. */
    static int clamp(int requested, int max) {
        return requested <= 0 || requested > max ? max : requested;
    }

    /** ListRoles defaults small but refuses, rather than clamps, a page above its hard maximum. */
    static int roles(int requested) {
        if (requested > ROLES_MAX) {
            throw TeleportStatus.badParameter("page size of " + requested + " is too large");
        }
        return requested <= 0 ? ROLES_DEFAULT : requested;
    }
}

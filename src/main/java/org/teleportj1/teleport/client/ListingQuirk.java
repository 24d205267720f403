package org.teleportj1.teleport.client;

/**
 * Listing bugs of released Teleport servers that the client detects and works around, each with
 * the Teleport fix to upgrade to (docs/teleport-api.md §7).
 */
enum ListingQuirk {
    ALL_MEMBERS_PAGING("ListAllAccessListMembers does not page (it repeats a page or hands out a malformed token);"
            + " reading the members one access list at a time instead") {
        @Override
        String fix(String serverVersion) {
            // the version as Ping gives it, or as logged ("v18.0.0")
            return serverVersion.replaceFirst("^v", "").startsWith("18.")
                    ? "upgrade to 18.2.3 or later (Teleport PR #58580, v18 backport #58614)"
                    : "upgrade to a release with Teleport PR #41043 (v14 backport #41044, v15 backport #41045),"
                            + " or to v16 or later";
        }
    },
    ALL_REVIEWS_PAGING("ListAllAccessListReviews does not page; reading the reviews one access list at a time"
            + " instead") {
        @Override
        String fix(String serverVersion) {
            return "upgrade to a current release";
        }
    },
    PER_LIST_RUNS_ON("per-list member or review pages run on into the access lists after the requested one;"
            + " the entries of other lists are dropped") {
        @Override
        String fix(String serverVersion) {
            return "upgrade to a release with Teleport PR #54528";
        }
    },
    USERS_PAGE_TOKEN("ListUsers page tokens skip the users at each page boundary; listing again from the"
            + " skipped name") {
        @Override
        String fix(String serverVersion) {
            return "upgrade to 18.0.1 or later (Teleport PR #56556, v18 backport #56613)";
        }
    };

    private final String description;

    ListingQuirk(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** What to upgrade to, given the server's version ("unknown" if Ping failed). */
    abstract String fix(String serverVersion);
}

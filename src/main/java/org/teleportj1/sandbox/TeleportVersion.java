package org.teleportj1.sandbox;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Teleport releases the sandbox can imitate: the RPCs each one lacks and the listing bugs it has
 * (docs/teleport-api.md §7, §8: BotService arrived in v15, bot instances in v16, ListBotInstancesV2
 * after 18.0; the paged ListAccessRequests is taken as a v16 addition). Ping reports {@link #version()}.
 */
public enum TeleportVersion {
    V14_3("14.3.33", Set.of("ListUsers", "ListRoles", "ListBots", "ListBotInstances", "ListBotInstancesV2",
            "ListAccessRequests"),
            Quirk.ALL_MEMBERS_REPEAT_FIRST_PAGE, Quirk.PER_LIST_NO_END, Quirk.PER_LIST_DOUBLE_PREFIX),
    V15_0("15.0.2", Set.of("ListRoles", "ListBotInstances", "ListBotInstancesV2", "ListAccessRequests"),
            Quirk.ALL_MEMBERS_REPEAT_FIRST_PAGE, Quirk.PER_LIST_NO_END, Quirk.PER_LIST_DOUBLE_PREFIX),
    V16("16.4.6", Set.of("ListBotInstancesV2"), Quirk.PER_LIST_NO_END, Quirk.PER_LIST_DOUBLE_PREFIX),
    V17("17.4.8", Set.of("GetRoles", "ListBotInstancesV2"), Quirk.PER_LIST_NO_END, Quirk.PER_LIST_DOUBLE_PREFIX),
    V18_0("18.0.0", Set.of("GetRoles", "ListBotInstancesV2"), Quirk.ALL_MEMBERS_REPEAT_FIRST_PAGE, Quirk.ALL_MEMBERS_BARE_TOKEN,
            Quirk.PER_LIST_DOUBLE_PREFIX, Quirk.REVIEWS_PER_LIST_NO_END, Quirk.USERS_CACHE_TOKEN),
    /** A current release with every listing fix; the default. */
    CURRENT("18.2.10", Set.of("GetRoles"));

    /** One known listing bug of a release. */
    public enum Quirk {
        /** ListAllAccessListMembers ignores the page token (v14, v15 and v18.0; docs/teleport-api.md §7). */
        ALL_MEMBERS_REPEAT_FIRST_PAGE,
        /** ListAllAccessListMembers' next token is the bare member name (v18.0). */
        ALL_MEMBERS_BARE_TOKEN,
        /** Per-list member and review pages run into the lists after it (before May 2025). */
        PER_LIST_NO_END,
        /** Per-list member tokens carry the list prefix the server adds again: {@code <list>/<list>/<member>}. */
        PER_LIST_DOUBLE_PREFIX,
        /** Per-list review pages run into later lists (the v18 cache before the fixed release). */
        REVIEWS_PER_LIST_NO_END,
        /** ListUsers' token is the first user not returned plus "0"; page size 0 is not defaulted (§6). */
        USERS_CACHE_TOKEN
    }

    private final String version;
    private final Set<String> missingMethods;
    private final Set<Quirk> quirks;

    TeleportVersion(String version, Set<String> missingMethods, Quirk... quirks) {
        this.version = version;
        this.missingMethods = missingMethods;
        this.quirks = Set.of(quirks);
    }

    /** What Ping reports. */
    public String version() {
        return version;
    }

    /** Bare method names this release answers UNIMPLEMENTED. */
    public Set<String> missingMethods() {
        return missingMethods;
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    /**
     * The profile for "14.3", "15.0", "16", "17", "18.0", "18" / "current", or a full version of one
     * of them (e.g. "17.4.8").
     */
    public static TeleportVersion parse(String text) {
        String wanted = text.trim().toLowerCase();
        if (wanted.equals("current") || wanted.equals("18") || wanted.equals("18.x")) {
            return CURRENT;
        }
        for (TeleportVersion profile : values()) {
            String v = profile.version;
            String majorMinor = v.substring(0, v.lastIndexOf('.'));
            String major = v.substring(0, v.indexOf('.'));
            if (wanted.equals(v) || wanted.equals(majorMinor) || wanted.equals(major + ".x")
                    || (wanted.equals(major) && !major.equals("18"))) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown Teleport version '" + text + "'; known: "
                + Arrays.stream(values()).map(TeleportVersion::version).collect(Collectors.joining(", "))
                + " (or 14.3, 15.0, 16, 17, 18.0, current)");
    }
}

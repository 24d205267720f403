package org.teleportj1.sandbox;

/**
 * How much data the sandbox serves. Each figure is a total that includes the built-in demo
 * data; whatever exceeds the demo data is generated (deterministically, from the index). A figure
 * below the demo's own count leaves the demo data as it is.
 *
 * @param users       users
 * @param roles       roles
 * @param accessLists access lists
 * @param memberships access-list memberships, nested-list memberships included; spread over the
 *                    generated lists
 * @param reviews     access-list reviews, spread over the generated lists
 */
public record SandboxSize(int users, int roles, int accessLists, int memberships, int reviews) {

    /** Only the built-in demo data. */
    public static final SandboxSize DEMO = new SandboxSize(0, 0, 0, 0, 0);

    public SandboxSize {
        if (users < 0 || roles < 0 || accessLists < 0 || memberships < 0 || reviews < 0) {
            throw new IllegalArgumentException("sandbox sizes cannot be negative: " + this);
        }
    }

    /** The benchmark's cluster: 100k users, 2k roles, 5k lists, 300k memberships, 20k reviews. */
    public static SandboxSize benchmark() {
        return scaled(100_000);
    }

    /** A cluster of {@code users} users with the benchmark's proportions of everything else. */
    public static SandboxSize scaled(int users) {
        return new SandboxSize(users, users / 50, users / 20, users * 3, users / 5);
    }
}

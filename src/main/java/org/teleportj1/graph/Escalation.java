package org.teleportj1.graph;

/** The role conditions that let a holder of one role reach other roles or users. */
public enum Escalation {
    /** {@code allow.request.roles}: may request the role. */
    REQUEST("request", false),
    /** {@code allow.request.search_as_roles}: may search resources as the role. */
    SEARCH_AS("search_as", false),
    /** {@code allow.review_requests.roles}: may approve requests for the role. */
    REVIEW("review", false),
    /** {@code allow.impersonate.roles}. */
    IMPERSONATE_ROLE("impersonate", false),
    /** {@code allow.impersonate.users}: may impersonate the user. */
    IMPERSONATE_USER("impersonate", true);

    private final String action;
    private final boolean targetsUsers;

    Escalation(String action, boolean targetsUsers) {
        this.action = action;
        this.targetsUsers = targetsUsers;
    }

    /** Value of the {@code action} property of the ALLOWS edge. */
    public String action() {
        return action;
    }

    public boolean targetsUsers() {
        return targetsUsers;
    }
}

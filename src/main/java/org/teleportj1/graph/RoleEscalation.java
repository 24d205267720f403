package org.teleportj1.graph;

import java.util.Collection;

/**
 * Expands the request, search-as, review and impersonate patterns of each role against the roles
 * and users of this sync into concrete ALLOWS edges. A target matched by one of the role's own
 * deny patterns for the same condition is left out (Teleport's deny wins). A role is never linked
 * to itself.
 */
public final class RoleEscalation {

    /** Receives one expanded edge. */
    @FunctionalInterface
    public interface EdgeConsumer {
        void edge(String fromRole, Escalation escalation, String target, String pattern);
    }

    private RoleEscalation() {
    }

    /**
     * @return the number of patterns that could not be expanded (templates, invalid regexes)
     */
    public static int expand(RoleRules role, Collection<String> roleNames, Collection<String> userNames,
                             EdgeConsumer out) {
        int unresolved = 0;
        for (Escalation escalation : Escalation.values()) {
            for (RolePattern pattern : role.allow(escalation)) {
                if (!pattern.expandable()) {
                    unresolved++;
                }
            }
            if (role.allow(escalation).isEmpty()) {
                continue;
            }
            Collection<String> candidates = escalation.targetsUsers() ? userNames : roleNames;
            for (String target : candidates) {
                if (!escalation.targetsUsers() && target.equals(role.name())) {
                    continue;
                }
                RolePattern match = firstMatch(role, escalation, target);
                if (match != null && !denied(role, escalation, target)) {
                    out.edge(role.name(), escalation, target, match.text());
                }
            }
        }
        return unresolved;
    }

    private static RolePattern firstMatch(RoleRules role, Escalation escalation, String target) {
        for (RolePattern pattern : role.allow(escalation)) {
            if (pattern.matches(target)) {
                return pattern;
            }
        }
        return null;
    }

    private static boolean denied(RoleRules role, Escalation escalation, String target) {
        for (RolePattern pattern : role.deny(escalation)) {
            if (pattern.matches(target)) {
                return true;
            }
        }
        return false;
    }
}

package org.teleportj1.graph;

import java.util.Arrays;
import java.util.List;

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
    public static int expand(RoleRules role, NameIndex roleNames, NameIndex userNames, EdgeConsumer out) {
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
            NameIndex names = escalation.targetsUsers() ? userNames : roleNames;
            for (int candidate : candidates(role.allow(escalation), names)) {
                String target = names.name(candidate);
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

    /**
     * The names any of {@code patterns} could match, in emission order: the union of their
     * literal-prefix ranges, or every name when one pattern has no prefix.
     */
    private static int[] candidates(List<RolePattern> patterns, NameIndex names) {
        int[][] ranges = new int[patterns.size()][];
        for (int i = 0; i < ranges.length; i++) {
            RolePattern pattern = patterns.get(i);
            if (!pattern.expandable()) {
                ranges[i] = new int[0];
            } else if (pattern.literalPrefix().isEmpty()) {
                return names.withPrefix("");
            } else {
                ranges[i] = names.withPrefix(pattern.literalPrefix());
            }
        }
        return Arrays.stream(ranges).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
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

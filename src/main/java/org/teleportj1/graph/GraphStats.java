package org.teleportj1.graph;

/**
 * What one {@link GraphBuilder} run produced and what it had to leave out, for logs, metrics and
 * tests. Counts only; read it after {@link GraphBuilder#complete()}.
 */
public final class GraphStats {
    long entities;
    long relationships;
    long stubUsers;
    long rememberedUsers;
    long duplicatesSkipped;
    long danglingReferencesSkipped;
    long nestingCycles;
    long nestingPathsCut;
    long unresolvedPatterns;
    long ssoMissingRoles;

    public long entities() {
        return entities;
    }

    public long relationships() {
        return relationships;
    }

    /** Users that members, owners or reviewers named but Teleport did not list. */
    public long stubUsers() {
        return stubUsers;
    }

    /** Users kept from earlier runs within the retention window. */
    public long rememberedUsers() {
        return rememberedUsers;
    }

    /** Objects a page repeated (same name as an earlier one); the first one wins. */
    public long duplicatesSkipped() {
        return duplicatesSkipped;
    }

    /** Edges left out because their role or access list is not part of this run. */
    public long danglingReferencesSkipped() {
        return danglingReferencesSkipped;
    }

    /** Distinct nesting cycles among access lists (each warned about once). */
    public long nestingCycles() {
        return nestingCycles;
    }

    /** Distinct nesting edges not followed because they were deeper than the limit. */
    public long nestingPathsCut() {
        return nestingPathsCut;
    }

    /** Role patterns (templates, invalid regexes) that could not be expanded. */
    public long unresolvedPatterns() {
        return unresolvedPatterns;
    }

    /** Distinct SSO mappings to roles this sync did not list (each warned about once). */
    public long ssoMissingRoles() {
        return ssoMissingRoles;
    }

    @Override
    public String toString() {
        return "entities=" + entities + " relationships=" + relationships + " stubUsers=" + stubUsers
                + " rememberedUsers=" + rememberedUsers + " duplicatesSkipped=" + duplicatesSkipped
                + " danglingReferencesSkipped=" + danglingReferencesSkipped + " nestingCycles=" + nestingCycles
                + " nestingPathsCut=" + nestingPathsCut + " unresolvedPatterns=" + unresolvedPatterns
                + " ssoMissingRoles=" + ssoMissingRoles;
    }
}

package org.teleportj1.graph;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleV6;

/**
 * The part of a role that {@link RoleEscalation} needs after the role page is gone: its name and
 * the allow/deny patterns of each {@link Escalation}. Small enough to keep for every role.
 */
public record RoleRules(String name, Map<Escalation, List<RolePattern>> allow,
                        Map<Escalation, List<RolePattern>> deny) {

    public static RoleRules of(RoleV6 role) {
        return new RoleRules(role.getMetadata().getName(), patterns(role.getSpec().getAllow()),
                patterns(role.getSpec().getDeny()));
    }

    public List<RolePattern> allow(Escalation escalation) {
        return allow.getOrDefault(escalation, List.of());
    }

    public List<RolePattern> deny(Escalation escalation) {
        return deny.getOrDefault(escalation, List.of());
    }

    private static Map<Escalation, List<RolePattern>> patterns(RoleConditions conditions) {
        Map<Escalation, List<RolePattern>> out = new EnumMap<>(Escalation.class);
        put(out, Escalation.REQUEST, conditions.getRequest().getRolesList());
        put(out, Escalation.SEARCH_AS, conditions.getRequest().getSearchAsRolesList());
        put(out, Escalation.REVIEW, conditions.getReviewRequests().getRolesList());
        put(out, Escalation.IMPERSONATE_ROLE, conditions.getImpersonate().getRolesList());
        put(out, Escalation.IMPERSONATE_USER, conditions.getImpersonate().getUsersList());
        return out;
    }

    private static void put(Map<Escalation, List<RolePattern>> out, Escalation escalation, List<String> texts) {
        if (!texts.isEmpty()) {
            out.put(escalation, texts.stream().distinct().map(RolePattern::of).toList());
        }
    }
}

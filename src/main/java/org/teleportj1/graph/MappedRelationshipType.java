package org.teleportj1.graph;

import java.util.List;

/**
 * Mapped relationships (docs/jupiterone.md §4.1): edges from entities of other integrations, found
 * by J1's mapper with {@code targetFilterKeys}, to a Teleport role. The target is never created
 * ({@code skipTargetCreation}) and the edge reads <em>IdP group → Teleport role</em> (direction
 * REVERSE from the role, the mapping's source). The SDK's naming rule needs a target {@code _type};
 * a {@code UserGroup} of any IdP has none, so the {@code _type}s are explicit.
 */
public enum MappedRelationshipType {
    /** A SAML attribute value or OIDC claim value, matched by name against any IdP's UserGroup. */
    IDP_GROUP_ASSIGNED_ROLE("ASSIGNED", "UserGroup", null, List.of("_class", "name"),
            "teleport_idp_group_assigned_role"),
    /** A GitHub team slug, matched against graph-github's {@code github_team} entities by name. */
    GITHUB_TEAM_ASSIGNED_ROLE("ASSIGNED", "Team", "github_team", List.of("_type", "name"),
            "teleport_github_team_assigned_role");

    /** The mapped edge starts at the target and ends at the source. */
    public static final String DIRECTION = "REVERSE";

    private final String relationshipClass;
    private final String targetClass;
    private final String targetType;
    private final List<String> filterKeys;
    private final String type;

    MappedRelationshipType(String relationshipClass, String targetClass, String targetType, List<String> filterKeys,
                           String type) {
        this.relationshipClass = relationshipClass;
        this.targetClass = targetClass;
        this.targetType = targetType;
        this.filterKeys = filterKeys;
        this.type = type;
    }

    /** Our end: the Teleport role the mapping grants. */
    public EntityType source() {
        return EntityType.ROLE;
    }

    public String relationshipClass() {
        return relationshipClass;
    }

    /** The data-model class of the other integration's entity. */
    public String targetClass() {
        return targetClass;
    }

    /** The other integration's {@code _type}, when one integration owns the target; else null. */
    public String targetType() {
        return targetType;
    }

    public List<String> filterKeys() {
        return filterKeys;
    }

    /** J1 {@code _type}. */
    public String type() {
        return type;
    }
}

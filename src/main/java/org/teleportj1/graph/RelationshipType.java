package org.teleportj1.graph;

/**
 * The relationship types this integration writes (docs/jupiterone.md §4), declared once.
 */
public enum RelationshipType {
    ACCOUNT_HAS_USER(EntityType.ACCOUNT, "HAS", EntityType.USER, "teleport_account_has_user"),
    ACCOUNT_HAS_ROLE(EntityType.ACCOUNT, "HAS", EntityType.ROLE, "teleport_account_has_role"),
    ACCOUNT_HAS_ACCESS_LIST(EntityType.ACCOUNT, "HAS", EntityType.ACCESS_LIST, "teleport_account_has_access_list"),
    USER_ASSIGNED_ROLE(EntityType.USER, "ASSIGNED", EntityType.ROLE, "teleport_user_assigned_role"),
    ACCESS_LIST_HAS_USER(EntityType.ACCESS_LIST, "HAS", EntityType.USER, "teleport_access_list_has_user"),
    ACCESS_LIST_HAS_ACCESS_LIST(EntityType.ACCESS_LIST, "HAS", EntityType.ACCESS_LIST,
            "teleport_access_list_has_access_list"),
    USER_OWNS_ACCESS_LIST(EntityType.USER, "OWNS", EntityType.ACCESS_LIST, "teleport_user_owns_access_list"),
    ACCESS_LIST_OWNS_ACCESS_LIST(EntityType.ACCESS_LIST, "OWNS", EntityType.ACCESS_LIST,
            "teleport_access_list_owns_access_list"),
    ACCESS_LIST_ASSIGNED_ROLE(EntityType.ACCESS_LIST, "ASSIGNED", EntityType.ROLE,
            "teleport_access_list_assigned_role"),
    ACCESS_LIST_HAS_REVIEW(EntityType.ACCESS_LIST, "HAS", EntityType.ACCESS_LIST_REVIEW,
            "teleport_access_list_has_review"),
    USER_PERFORMED_REVIEW(EntityType.USER, "PERFORMED", EntityType.ACCESS_LIST_REVIEW,
            "teleport_user_performed_access_list_review"),
    ROLE_ALLOWS_ROLE(EntityType.ROLE, "ALLOWS", EntityType.ROLE, "teleport_role_allows_role"),
    ROLE_ALLOWS_USER(EntityType.ROLE, "ALLOWS", EntityType.USER, "teleport_role_allows_user");

    private final EntityType from;
    private final String relationshipClass;
    private final EntityType to;
    private final String type;

    RelationshipType(EntityType from, String relationshipClass, EntityType to, String type) {
        this.from = from;
        this.relationshipClass = relationshipClass;
        this.to = to;
        this.type = type;
    }

    public EntityType from() {
        return from;
    }

    /** J1 relationship {@code _class} (a data-model RelationshipClass value). */
    public String relationshipClass() {
        return relationshipClass;
    }

    public EntityType to() {
        return to;
    }

    /** J1 {@code _type}. */
    public String type() {
        return type;
    }

    /** The verb inside relationship keys: {@code <fromKey>|<verb>|<toKey>}. */
    public String verb() {
        return relationshipClass.toLowerCase(java.util.Locale.ROOT);
    }
}

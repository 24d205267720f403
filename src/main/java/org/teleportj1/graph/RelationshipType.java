package org.teleportj1.graph;

/**
 * The relationship types this integration writes between its own entities (docs/jupiterone.md §4),
 * declared once. Each {@code _type} is what the JupiterOne SDK's naming rule gives for its ends and
 * class (docs/jupiterone-api.md §3.2); RelationshipTypeNamingTest holds every one to it.
 */
public enum RelationshipType {
    ACCOUNT_HAS_USER(EntityType.ACCOUNT, "HAS", EntityType.USER, "teleport_account_has_user"),
    ACCOUNT_HAS_ROLE(EntityType.ACCOUNT, "HAS", EntityType.ROLE, "teleport_account_has_role"),
    ACCOUNT_HAS_ACCESS_LIST(EntityType.ACCOUNT, "HAS", EntityType.ACCESS_LIST, "teleport_account_has_access_list"),
    USER_ASSIGNED_ROLE(EntityType.USER, "ASSIGNED", EntityType.ROLE, "teleport_user_assigned_role"),
    ACCESS_LIST_HAS_USER(EntityType.ACCESS_LIST, "HAS", EntityType.USER, "teleport_access_list_has_user"),
    ACCESS_LIST_HAS_ACCESS_LIST(EntityType.ACCESS_LIST, "HAS", EntityType.ACCESS_LIST,
            "teleport_access_list_has_list"),
    USER_OWNS_ACCESS_LIST(EntityType.USER, "OWNS", EntityType.ACCESS_LIST, "teleport_user_owns_access_list"),
    ACCESS_LIST_OWNS_ACCESS_LIST(EntityType.ACCESS_LIST, "OWNS", EntityType.ACCESS_LIST,
            "teleport_access_list_owns_list"),
    ACCESS_LIST_ASSIGNED_ROLE(EntityType.ACCESS_LIST, "ASSIGNED", EntityType.ROLE,
            "teleport_access_list_assigned_role"),
    ACCESS_LIST_HAS_REVIEW(EntityType.ACCESS_LIST, "HAS", EntityType.ACCESS_LIST_REVIEW,
            "teleport_access_list_has_review"),
    USER_PERFORMED_REVIEW(EntityType.USER, "PERFORMED", EntityType.ACCESS_LIST_REVIEW,
            "teleport_user_performed_access_list_review"),
    ROLE_ALLOWS_ROLE(EntityType.ROLE, "ALLOWS", EntityType.ROLE, "teleport_role_allows_role"),
    ROLE_ALLOWS_USER(EntityType.ROLE, "ALLOWS", EntityType.USER, "teleport_role_allows_user"),
    ACCOUNT_HAS_LOCK(EntityType.ACCOUNT, "HAS", EntityType.LOCK, "teleport_account_has_lock"),
    LOCK_RESTRICTS_USER(EntityType.LOCK, "RESTRICTS", EntityType.USER, "teleport_lock_restricts_user"),
    LOCK_RESTRICTS_ROLE(EntityType.LOCK, "RESTRICTS", EntityType.ROLE, "teleport_lock_restricts_role"),
    ACCOUNT_HAS_ACCESS_REQUEST(EntityType.ACCOUNT, "HAS", EntityType.ACCESS_REQUEST,
            "teleport_account_has_access_request"),
    USER_OPENED_ACCESS_REQUEST(EntityType.USER, "OPENED", EntityType.ACCESS_REQUEST,
            "teleport_user_opened_access_request"),
    USER_REVIEWED_ACCESS_REQUEST(EntityType.USER, "REVIEWED", EntityType.ACCESS_REQUEST,
            "teleport_user_reviewed_access_request"),
    ACCESS_REQUEST_HAS_ROLE(EntityType.ACCESS_REQUEST, "HAS", EntityType.ROLE, "teleport_access_request_has_role"),
    ACCESS_REQUEST_CREATED_ACCESS_LIST(EntityType.ACCESS_REQUEST, "CREATED", EntityType.ACCESS_LIST,
            "teleport_access_request_created_list"),
    ACCOUNT_HAS_BOT(EntityType.ACCOUNT, "HAS", EntityType.BOT, "teleport_account_has_bot"),
    BOT_IS_USER(EntityType.BOT, "IS", EntityType.USER, "teleport_bot_is_user"),
    BOT_ASSIGNED_ROLE(EntityType.BOT, "ASSIGNED", EntityType.ROLE, "teleport_bot_assigned_role"),
    ACCOUNT_HAS_BOT_INSTANCE(EntityType.ACCOUNT, "HAS", EntityType.BOT_INSTANCE, "teleport_account_has_bot_instance"),
    BOT_HAS_INSTANCE(EntityType.BOT, "HAS", EntityType.BOT_INSTANCE, "teleport_bot_has_instance"),
    ACCOUNT_HAS_SSO_CONNECTOR(EntityType.ACCOUNT, "HAS", EntityType.SSO_CONNECTOR,
            "teleport_account_has_sso_connector"),
    SSO_CONNECTOR_ASSIGNED_ROLE(EntityType.SSO_CONNECTOR, "ASSIGNED", EntityType.ROLE,
            "teleport_sso_connector_assigned_role");

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

package org.teleportj1.graph;

/**
 * The entity types this integration writes (docs/jupiterone.md §3). The one place where a
 * {@code _type} and its data-model {@code _class} are declared; mappers and the data-model document
 * use these constants.
 */
public enum EntityType {
    ACCOUNT("Teleport Cluster", "teleport_account", "Account"),
    USER("Teleport User", "teleport_user", "User"),
    ROLE("Teleport Role", "teleport_role", "AccessRole"),
    ACCESS_LIST("Teleport Access List", "teleport_access_list", "UserGroup"),
    ACCESS_LIST_REVIEW("Teleport Access List Review", "teleport_access_list_review", "Review"),
    /** A lock denies interactions: an access policy assigned to a user or role (docs/jupiterone.md §3). */
    LOCK("Teleport Lock", "teleport_lock", "AccessPolicy"),
    /** The request and its decision are a record of who asked for what and who approved it. */
    ACCESS_REQUEST("Teleport Access Request", "teleport_access_request", "Record"),
    /** A bot is a non-human identity (the data model's NHI, nhiType "bot"). */
    BOT("Teleport Bot", "teleport_bot", "NHI"),
    /** One running tbot: a workload that holds the bot's identity. */
    BOT_INSTANCE("Teleport Bot Instance", "teleport_bot_instance", "Workload"),
    /** A SAML, OIDC or GitHub connector: configuration that decides which IdP groups get which roles. */
    SSO_CONNECTOR("Teleport SSO Connector", "teleport_sso_connector", "Configuration");

    private final String resourceName;
    private final String type;
    private final String entityClass;

    EntityType(String resourceName, String type, String entityClass) {
        this.resourceName = resourceName;
        this.type = type;
        this.entityClass = entityClass;
    }

    /** Human name of the Teleport resource, as in the "Resources" column of the data-model table. */
    public String resourceName() {
        return resourceName;
    }

    /** J1 {@code _type}. */
    public String type() {
        return type;
    }

    /** J1 data-model {@code _class}. */
    public String entityClass() {
        return entityClass;
    }
}

package org.teleportj1.graph;

/** The Teleport cluster as a {@code teleport_account} entity. */
public final class AccountMapper {
    private AccountMapper() {
    }

    public static GraphFragment account(MappingContext context) {
        ClusterInfo cluster = context.cluster();
        String webLink = context.links().account();
        GraphObject account = context.entity(EntityType.ACCOUNT, context.keys().account(), cluster.clusterName(),
                cluster.clusterName())
                .put("vendor", "Teleport")
                .put("clusterName", cluster.clusterName())
                .put("serverVersion", PropertyRules.orNull(cluster.serverVersion()))
                .put("proxyAddress", PropertyRules.orNull(cluster.proxyAddress()))
                .put("webLink", webLink)
                .put("accessURL", webLink);
        return new GraphFragment().entity(account);
    }

    /** The account HAS edge for an entity of the account's cluster. */
    static GraphObject has(MappingContext context, RelationshipType type, String toKey) {
        return context.relationship(type, context.keys().account(), toKey);
    }
}

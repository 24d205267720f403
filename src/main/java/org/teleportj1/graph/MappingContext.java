package org.teleportj1.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a mapper needs besides the Teleport object: the cluster of the run, the limits, key
 * and link formats. Also stamps the optional {@code tag.AccountName} on every entity.
 */
public final class MappingContext {
    private final ClusterInfo cluster;
    private final GraphOptions options;
    private final GraphKeys keys;
    private final WebLinks links;
    private final long syncMillis;

    public MappingContext(ClusterInfo cluster, GraphOptions options) {
        if (cluster == null || cluster.syncTime() == null) {
            throw new IllegalArgumentException("cluster info with a sync time is required");
        }
        this.cluster = cluster;
        this.options = options;
        this.keys = new GraphKeys(cluster.clusterName(), options.maxKeyLength());
        this.links = new WebLinks(cluster.proxyAddress(), options.maxStringLength());
        this.syncMillis = cluster.syncTime().toEpochMilli();
    }

    public ClusterInfo cluster() {
        return cluster;
    }

    public GraphOptions options() {
        return options;
    }

    public GraphKeys keys() {
        return keys;
    }

    public WebLinks links() {
        return links;
    }

    /** The sync time in epoch milliseconds: "now" for expiry and overdue checks. */
    public long syncMillis() {
        return syncMillis;
    }

    public GraphObject entity(EntityType type, String key, String name, String displayName) {
        GraphObject entity = GraphObject.entity(type, key, name, displayName, options.maxStringLength());
        String accountName = cluster.accountName();
        if (accountName != null && !accountName.isBlank()) {
            entity.put("tag.AccountName", accountName);
        }
        return entity;
    }

    /** A mapped relationship to {@code roleKey} from the IdP group named {@code group} (see {@link MappedRelationshipType}). */
    public GraphObject mappedRelationship(MappedRelationshipType type, String key, String roleKey, String group) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("_class", type.targetClass());
        if (type.targetType() != null) {
            target.put("_type", type.targetType());
        }
        target.put("name", PropertyRules.truncate(group, options.maxStringLength()));
        return GraphObject.mappedRelationship(type, key, roleKey, target, options.maxStringLength());
    }

    public GraphObject relationship(RelationshipType type, String fromKey, String toKey, String... qualifiers) {
        return GraphObject.relationship(type, keys.relationship(type, fromKey, toKey, qualifiers), fromKey, toKey,
                options.maxStringLength());
    }
}

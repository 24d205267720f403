package org.teleportj1.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Key formats of docs/jupiterone.md §2. Keys embed the cluster name so that two clusters never collide in
 * one J1 account. Names are escaped ({@code %}, {@code |} and {@code :} percent-encoded) so that a
 * hostile name can never forge the separators of another key; ordinary names stay readable.
 * Keys longer than the limit keep a prefix and end in a SHA-256 of the whole key: still stable
 * across runs and unique.
 */
public final class GraphKeys {
    private static final int HASH_LENGTH = 64;

    private final String prefix;
    private final int maxLength;

    public GraphKeys(String clusterName, int maxLength) {
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster name is required for graph keys");
        }
        this.prefix = "teleport:" + escape(clusterName);
        this.maxLength = maxLength;
    }

    public String account() {
        return bound(prefix);
    }

    public String user(String name) {
        return bound(prefix + ":user:" + escape(name));
    }

    public String role(String name) {
        return bound(prefix + ":role:" + escape(name));
    }

    public String accessList(String name) {
        return bound(prefix + ":access_list:" + escape(name));
    }

    public String review(String accessList, String name) {
        return bound(prefix + ":access_list_review:" + escape(accessList) + ":" + escape(name));
    }

    public String lock(String name) {
        return bound(prefix + ":lock:" + escape(name));
    }

    public String accessRequest(String id) {
        return bound(prefix + ":access_request:" + escape(id));
    }

    public String bot(String name) {
        return bound(prefix + ":bot:" + escape(name));
    }

    public String botInstance(String bot, String id) {
        return bound(prefix + ":bot_instance:" + escape(bot) + ":" + escape(id));
    }

    /** {@code kind} is saml, oidc or github. */
    public String ssoConnector(String kind, String name) {
        return bound(prefix + ":sso_connector:" + escape(kind) + ":" + escape(name));
    }

    /**
     * A mapped relationship has no from-entity of ours: its key is the connector's mapping
     * ({@code <connectorKey>:<attribute>=<value>}) with the verb and the role it grants.
     */
    public String mappedRelationship(MappedRelationshipType type, String connectorKey, String attribute, String value,
                                     String roleKey) {
        return bound(connectorKey + ":" + escape(attribute) + "=" + escape(value) + "|"
                + type.relationshipClass().toLowerCase(java.util.Locale.ROOT) + "|" + roleKey);
    }

    /**
     * {@code <fromKey>|<verb>|<toKey>} plus qualifiers where one pair of entities carries several
     * edges (for example one ASSIGNED edge per granting access list).
     */
    public String relationship(RelationshipType type, String fromKey, String toKey, String... qualifiers) {
        StringBuilder key = new StringBuilder(fromKey).append('|').append(type.verb()).append('|').append(toKey);
        for (String qualifier : qualifiers) {
            key.append('|').append(escape(qualifier));
        }
        return bound(key.toString());
    }

    static String escape(String name) {
        String value = name == null ? "" : name;
        if (value.indexOf('%') < 0 && value.indexOf('|') < 0 && value.indexOf(':') < 0) {
            return value;
        }
        return value.replace("%", "%25").replace("|", "%7C").replace(":", "%3A");
    }

    private String bound(String key) {
        if (key.length() <= maxLength) {
            return key;
        }
        int keep = maxLength - HASH_LENGTH - 1;
        if (Character.isHighSurrogate(key.charAt(keep - 1))) {
            keep--;
        }
        return key.substring(0, keep) + "#" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

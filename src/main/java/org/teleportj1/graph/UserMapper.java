package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.UserSpecV2;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.wrappers.StringValues;

/**
 * Teleport users as {@code teleport_user} entities: listed users, stubs for names that access
 * lists still reference, and users remembered from earlier runs.
 */
public final class UserMapper {
    static final String BOT_LABEL = "teleport.internal/bot";
    static final String ORIGIN_LABEL = "teleport.dev/origin";

    // Conservative on purpose: the value lands in User.email, which the schema checks as an e-mail.
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    private UserMapper() {
    }

    /**
     * @param roleExists whether a role of this sync has the name (for direct ASSIGNED edges and
     *                   {@code missingRoles})
     */
    public static GraphFragment user(UserV2 user, MappingContext context, Predicate<String> roleExists) {
        return user(user, context, roleExists, null);
    }

    /**
     * @param lockedBy the in-force lock resource that locks the user out (on the user or on a role
     *                 it holds), or null; the user's own status flag counts only until its expiry
     */
    public static GraphFragment user(UserV2 user, MappingContext context, Predicate<String> roleExists,
                                     String lockedBy) {
        String name = user.getMetadata().getName();
        String key = context.keys().user(name);
        UserSpecV2 spec = user.getSpec();
        long now = context.syncMillis();

        LoginStatus login = spec.getStatus();
        Long lockExpiresOn = TeleportTime.millis(login.getLockExpires());
        boolean statusLocked = login.getIsLocked() && (lockExpiresOn == null || lockExpiresOn > now);
        boolean locked = statusLocked || lockedBy != null;
        Long expiresOn = TeleportTime.millis(user.getMetadata().getExpires());
        if (expiresOn == null) {
            expiresOn = TeleportTime.millis(spec.getExpires());
        }
        boolean expired = expiresOn != null && expiresOn <= now;
        Map<String, String> labels = user.getMetadata().getLabelsMap();
        boolean isBot = labels.containsKey(BOT_LABEL);

        List<String> roles = spec.getRolesList().stream().distinct().toList();
        List<String> missingRoles = roles.stream().filter(roleExists.negate()).toList();

        GraphObject entity = base(context, name)
                .put("seenInUserList", true)
                .put("active", !locked && !expired)
                .put("isActive", !locked && !expired)
                .put("locked", locked)
                .put("lockedBy", lockedBy)
                .put("lockedMessage", PropertyRules.orNull(login.getLockedMessage()))
                .put("lockedOn", login.getIsLocked() ? TeleportTime.millis(login.getLockedTime()) : null)
                .put("lockExpiresOn", login.getIsLocked() ? lockExpiresOn : null)
                .put("authType", authType(spec))
                .put("connectorName", connectorName(spec))
                .put("isBot", isBot)
                .put("botName", isBot ? botName(name, labels.get(BOT_LABEL)) : null)
                .put("origin", PropertyRules.orNull(labels.get(ORIGIN_LABEL)))
                .put("roles", roles)
                .putNonEmpty("missingRoles", missingRoles)
                .put("createdOn", TeleportTime.millis(spec.getCreatedBy().getTime()))
                .put("createdBy", createdBy(spec))
                .put("expiresOn", expiresOn)
                .put("expired", expired)
                .put("passwordSet", passwordSet(user.getStatus().getPasswordState()))
                .put("mfaWeakestDevice", mfaDevice(user.getStatus().getMfaWeakestDevice()))
                .put("trustedDeviceCount", spec.getTrustedDeviceIDsCount())
                .put("webLink", context.links().user(name));
        putTraits(entity, spec.getTraits().getValuesMap(), context.options());

        GraphFragment fragment = new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_USER, key));
        for (String role : roles) {
            if (roleExists.test(role)) {
                fragment.relationship(context.relationship(RelationshipType.USER_ASSIGNED_ROLE, key,
                                context.keys().role(role))
                        .put("grantedBy", "user")
                        .put("inherited", false)
                        .put("asOwner", false));
            }
        }
        return fragment;
    }

    /**
     * A user that a member, owner or reviewer names but Teleport does not list (for example an SSO
     * user whose login expired): kept so the relationship has both ends, marked inactive.
     */
    public static GraphFragment stub(String name, MappingContext context) {
        return absent(name, context, null);
    }

    /** A user listed in an earlier run within the retention window, absent now. */
    public static GraphFragment remembered(String name, long lastSeenOn, MappingContext context) {
        return absent(name, context, lastSeenOn);
    }

    private static GraphFragment absent(String name, MappingContext context, Long lastSeenOn) {
        String key = context.keys().user(name);
        GraphObject entity = base(context, name)
                .put("seenInUserList", false)
                .put("active", false)
                .put("isActive", false)
                .put("lastSeenOn", lastSeenOn)
                .put("webLink", context.links().user(name));
        return new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_USER, key));
    }

    /** The properties every user has, including the five the User schema requires. */
    private static GraphObject base(MappingContext context, String name) {
        boolean email = isEmail(name);
        return context.entity(EntityType.USER, context.keys().user(name), name, name)
                .putNullable("username", List.of(name))
                .putNullable("email", email ? List.of(name) : null)
                .putNullable("shortLoginId", email ? List.of(name.substring(0, name.indexOf('@'))) : null)
                .putNullable("firstName", null)
                .putNullable("lastName", null);
    }

    static boolean isEmail(String name) {
        return name != null && name.length() <= 254 && EMAIL.matcher(name).matches();
    }

    static String authType(UserSpecV2 spec) {
        if (spec.getGithubIdentitiesCount() > 0) {
            return "github";
        }
        if (spec.getSAMLIdentitiesCount() > 0) {
            return "saml";
        }
        if (spec.getOIDCIdentitiesCount() > 0) {
            return "oidc";
        }
        String connectorType = spec.getCreatedBy().getConnector().getType();
        return connectorType.isEmpty() ? "local" : connectorType;
    }

    private static String connectorName(UserSpecV2 spec) {
        for (List<ExternalIdentity> identities : List.of(spec.getGithubIdentitiesList(),
                spec.getSAMLIdentitiesList(), spec.getOIDCIdentitiesList())) {
            for (ExternalIdentity identity : identities) {
                if (!identity.getConnectorID().isEmpty()) {
                    return identity.getConnectorID();
                }
            }
        }
        return PropertyRules.orNull(spec.getCreatedBy().getConnector().getID());
    }

    private static String createdBy(UserSpecV2 spec) {
        String user = spec.getCreatedBy().getUser().getName();
        if (!user.isEmpty()) {
            return user;
        }
        return PropertyRules.orNull(spec.getCreatedBy().getConnector().getIdentity());
    }

    private static String botName(String name, String label) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return name.startsWith("bot-") ? name.substring(4) : name;
    }

    private static Boolean passwordSet(int state) {
        return switch (state) {
            case 1 -> false;
            case 2 -> true;
            default -> null;
        };
    }

    private static String mfaDevice(int kind) {
        return switch (kind) {
            case 0 -> null;
            case 1 -> "none";
            case 2 -> "totp";
            case 3 -> "webauthn";
            default -> "unknown";
        };
    }

    /**
     * Traits become {@code trait.<name>} string lists, in name order, with names cleaned to J1's
     * alphabet (names that collide after cleaning are merged). Beyond the limits the remaining
     * traits and values are only counted.
     */
    static void putTraits(GraphObject entity, Map<String, StringValues> traits, GraphOptions options) {
        Map<String, Set<String>> byProperty = new TreeMap<>();
        int traitsTruncated = 0;
        int valuesTruncated = 0;
        for (Map.Entry<String, StringValues> trait : new TreeMap<>(traits).entrySet()) {
            List<String> values = trait.getValue().getValuesList();
            if (values.isEmpty()) {
                continue;
            }
            String property = "trait." + PropertyRules.sanitiseNamePart(trait.getKey());
            Set<String> kept = byProperty.get(property);
            if (kept == null) {
                if (byProperty.size() >= options.maxTraits()) {
                    traitsTruncated++;
                    continue;
                }
                kept = new LinkedHashSet<>();
                byProperty.put(property, kept);
            }
            for (String value : values) {
                if (kept.size() >= options.maxTraitValues()) {
                    valuesTruncated++;
                } else {
                    kept.add(value);
                }
            }
        }
        byProperty.forEach((property, values) -> entity.put(property, new ArrayList<>(values)));
        if (traitsTruncated > 0) {
            entity.put("traitsTruncated", traitsTruncated);
        }
        if (valuesTruncated > 0) {
            entity.put("traitValuesTruncated", valuesTruncated);
        }
    }
}

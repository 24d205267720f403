package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleOptions;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.wrappers.LabelValues;
import org.teleportj1.proto.wrappers.StringValues;

/** Teleport roles as {@code teleport_role} entities ({@code AccessRole}). */
public final class RoleMapper {
    /** Label Teleport puts on the roles it creates itself. */
    static final String RESOURCE_TYPE_LABEL = "teleport.internal/resource-type";

    // Preset roles of Teleport; newer presets also carry the resource-type label above.
    private static final Set<String> PRESETS = Set.of("access", "editor", "auditor", "requester", "reviewer",
            "group-access", "device-admin", "device-enroller", "require-trusted-device", "terraform-provider");

    private RoleMapper() {
    }

    public static GraphFragment role(RoleV6 role, MappingContext context) {
        String name = role.getMetadata().getName();
        String key = context.keys().role(name);
        RoleConditions allow = role.getSpec().getAllow();
        RoleConditions deny = role.getSpec().getDeny();
        RoleOptions options = role.getSpec().getOptions();
        boolean systemRole = isSystemRole(role);

        GraphObject entity = context.entity(EntityType.ROLE, key, name, name)
                .put("description", PropertyRules.orNull(role.getMetadata().getDescription()))
                .put("version", PropertyRules.orNull(role.getVersion()))
                .put("maxSessionTtlSeconds", options.getMaxSessionTTL() > 0
                        ? options.getMaxSessionTTL() / 1_000_000_000L : null)
                .putNonEmpty("allowLogins", allow.getLoginsList())
                .putNonEmpty("denyLogins", deny.getLoginsList())
                .putNonEmpty("allowRules", rules(allow.getRulesList()))
                .putNonEmpty("denyRules", rules(deny.getRulesList()))
                .putNonEmpty("canRequestRoles", allow.getRequest().getRolesList())
                .putNonEmpty("canSearchAsRoles", allow.getRequest().getSearchAsRolesList())
                .putNonEmpty("canReviewRoles", allow.getReviewRequests().getRolesList())
                .putNonEmpty("canImpersonateUsers", allow.getImpersonate().getUsersList())
                .putNonEmpty("canImpersonateRoles", allow.getImpersonate().getRolesList())
                .putNonEmpty("allowKubeGroups", allow.getKubeGroupsList())
                .putNonEmpty("allowKubeUsers", allow.getKubeUsersList())
                .putNonEmpty("allowDatabaseNames", allow.getDatabaseNamesList())
                .putNonEmpty("allowDatabaseUsers", allow.getDatabaseUsersList())
                .putNonEmpty("allowAwsRoleArns", allow.getAWSRoleARNsList())
                .putNonEmpty("allowWindowsDesktopLogins", allow.getWindowsDesktopLoginsList())
                .put("requireMfa", options.getRequireMFAType() != 0)
                .put("requireMfaType", mfaType(options.getRequireMFAType()))
                .put("requestAccess", PropertyRules.orNull(options.getRequestAccess()))
                .put("superAdmin", isSuperAdmin(role, systemRole))
                .put("systemRole", systemRole)
                .put("webLink", context.links().role(name));
        putLabels(entity, "allow", allow);
        putLabels(entity, "deny", deny);

        return new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_ROLE, key));
    }

    /**
     * A role that can do everything: an allow rule with a {@code *} resource and a {@code *} verb
     * not cancelled by the same deny rule, or the {@code editor} preset.
     */
    static boolean isSuperAdmin(RoleV6 role, boolean systemRole) {
        if (systemRole && "editor".equals(role.getMetadata().getName())) {
            return true;
        }
        return hasWildcardRule(role.getSpec().getAllow().getRulesList())
                && !hasWildcardRule(role.getSpec().getDeny().getRulesList());
    }

    static boolean isSystemRole(RoleV6 role) {
        String name = role.getMetadata().getName();
        return name.startsWith("@teleport-") || PRESETS.contains(name)
                || "preset".equals(role.getMetadata().getLabelsMap().get(RESOURCE_TYPE_LABEL));
    }

    private static boolean hasWildcardRule(List<Rule> rules) {
        return rules.stream().anyMatch(rule -> rule.getResourcesList().contains("*")
                && rule.getVerbsList().contains("*"));
    }

    /** Rules flattened to {@code resource:verb} strings. */
    static List<String> rules(List<Rule> rules) {
        List<String> out = new ArrayList<>();
        for (Rule rule : rules) {
            for (String resource : rule.getResourcesList()) {
                for (String verb : rule.getVerbsList()) {
                    String value = resource + ":" + verb;
                    if (!out.contains(value)) {
                        out.add(value);
                    }
                }
            }
        }
        return out;
    }

    private static void putLabels(GraphObject entity, String prefix, RoleConditions conditions) {
        Map<String, LabelValues> byKind = new TreeMap<>();
        byKind.put("NodeLabels", conditions.getNodeLabels());
        byKind.put("AppLabels", conditions.getAppLabels());
        byKind.put("ClusterLabels", conditions.getClusterLabels());
        byKind.put("KubernetesLabels", conditions.getKubernetesLabels());
        byKind.put("DatabaseLabels", conditions.getDatabaseLabels());
        byKind.put("WindowsDesktopLabels", conditions.getWindowsDesktopLabels());
        byKind.forEach((kind, labels) -> entity.putNonEmpty(prefix + kind, keyValues(labels)));
    }

    /** Label selectors as {@code key=value} strings in key order. */
    static List<String> keyValues(LabelValues labels) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, StringValues> label : new TreeMap<>(labels.getValuesMap()).entrySet()) {
            for (String value : label.getValue().getValuesList()) {
                out.add(label.getKey() + "=" + value);
            }
        }
        return out;
    }

    private static String mfaType(int type) {
        return switch (type) {
            case 0 -> null;
            case 1 -> "session";
            case 2 -> "session_and_hardware_key";
            case 3 -> "hardware_key_touch";
            case 4 -> "hardware_key_pin";
            case 5 -> "hardware_key_touch_and_pin";
            default -> "unknown";
        };
    }
}

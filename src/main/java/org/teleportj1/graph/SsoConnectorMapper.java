package org.teleportj1.graph;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.teleportj1.proto.types.AttributeMapping;
import org.teleportj1.proto.types.ClaimMapping;
import org.teleportj1.proto.types.GithubConnectorV3;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.OIDCConnectorV3;
import org.teleportj1.proto.types.SAMLConnectorV2;
import org.teleportj1.proto.types.TeamRolesMapping;

/**
 * SAML, OIDC and GitHub connectors as {@code teleport_sso_connector} entities
 * ({@code Configuration}), with an edge to each role their mappings grant and a mapped relationship
 * from each IdP group (or GitHub team) to that role. Only mapping fields are read: the connectors
 * are listed without secrets and the protos here do not even declare the secret fields.
 */
public final class SsoConnectorMapper {
    private SsoConnectorMapper() {
    }

    /**
     * One mapping rule: IdP {@code attribute} with {@code value} gets {@code roles}. For GitHub the
     * attribute is the organization and the value the team, written {@code org/team}.
     */
    public record Mapping(String attribute, String separator, String value, List<String> roles) {
        /** Teleport matches {@code ^…$} values as regular expressions and {@code *} as a glob. */
        public boolean isPattern() {
            return value.startsWith("^") || value.contains("*");
        }

        /** {@code attribute=value} or, for GitHub, {@code org/team}. */
        String rule() {
            return attribute + separator + value;
        }

        String text() {
            return rule() + "→" + String.join(",", roles);
        }
    }

    /**
     * What one connector produced: the objects, and the problems to report once each
     * ({@code "<kind>/<connector>: …"}): roles a mapping names that this sync did not list, and
     * pattern values that cannot be matched to a group by name.
     */
    public record Result(GraphFragment fragment, List<String> missingRoles, List<String> patternValues) {
    }

    /** The connector kind of a listed message: saml, oidc or github. */
    public static String kind(Message connector) {
        if (connector instanceof SAMLConnectorV2) {
            return "saml";
        }
        if (connector instanceof OIDCConnectorV3) {
            return "oidc";
        }
        if (connector instanceof GithubConnectorV3) {
            return "github";
        }
        throw new IllegalArgumentException("not an SSO connector: " + connector.getClass().getName());
    }

    public static Result connector(Message connector, MappingContext context, Predicate<String> roleExists) {
        String kind = kind(connector);
        Metadata metadata;
        List<Mapping> mappings = new ArrayList<>();
        GraphObject entity;
        String name;
        if (connector instanceof SAMLConnectorV2 saml) {
            metadata = saml.getMetadata();
            name = metadata.getName();
            for (AttributeMapping m : saml.getSpec().getAttributesToRolesList()) {
                mappings.add(new Mapping(m.getName(), "=", m.getValue(), m.getRolesList()));
            }
            entity = base(context, kind, name, saml.getSpec().getDisplay())
                    .put("entityDescriptorUrl", PropertyRules.orNull(saml.getSpec().getEntityDescriptorURL()))
                    .put("issuer", PropertyRules.orNull(saml.getSpec().getIssuer()))
                    .put("ssoUrl", PropertyRules.orNull(saml.getSpec().getSSO()))
                    .put("provider", PropertyRules.orNull(saml.getSpec().getProvider()));
        } else if (connector instanceof OIDCConnectorV3 oidc) {
            metadata = oidc.getMetadata();
            name = metadata.getName();
            for (ClaimMapping m : oidc.getSpec().getClaimsToRolesList()) {
                mappings.add(new Mapping(m.getClaim(), "=", m.getValue(), m.getRolesList()));
            }
            entity = base(context, kind, name, oidc.getSpec().getDisplay())
                    .put("issuerUrl", PropertyRules.orNull(oidc.getSpec().getIssuerURL()))
                    .put("provider", PropertyRules.orNull(oidc.getSpec().getProvider()));
        } else {
            GithubConnectorV3 github = (GithubConnectorV3) connector;
            metadata = github.getMetadata();
            name = metadata.getName();
            List<String> organizations = new ArrayList<>();
            for (TeamRolesMapping m : github.getSpec().getTeamsToRolesList()) {
                mappings.add(new Mapping(m.getOrganization(), "/", m.getTeam(), m.getRolesList()));
                if (!organizations.contains(m.getOrganization())) {
                    organizations.add(m.getOrganization());
                }
            }
            entity = base(context, kind, name, github.getSpec().getDisplay())
                    .putNonEmpty("organization", organizations)
                    .put("endpointUrl", PropertyRules.orNull(github.getSpec().getEndpointURL()));
        }
        String key = context.keys().ssoConnector(kind, name);
        entity.put("description", PropertyRules.orNull(metadata.getDescription()))
                .putNonEmpty("mappings", mappings.stream().map(Mapping::text).toList())
                .putNonEmpty("missingRoles", mappings.stream().flatMap(m -> m.roles().stream())
                        .filter(roleExists.negate()).distinct().toList());
        GraphFragment fragment = new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_SSO_CONNECTOR, key));
        MappedRelationshipType mappedType = kind.equals("github") ? MappedRelationshipType.GITHUB_TEAM_ASSIGNED_ROLE
                : MappedRelationshipType.IDP_GROUP_ASSIGNED_ROLE;
        List<String> missing = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        String where = kind + "/" + name;
        for (Mapping mapping : mappings) {
            if (mapping.isPattern()) {
                patterns.add(where + ": " + mapping.rule());
            }
            for (String role : mapping.roles().stream().distinct().toList()) {
                if (!roleExists.test(role)) {
                    missing.add(where + ": " + mapping.rule() + " → " + role);
                    continue;
                }
                String roleKey = context.keys().role(role);
                String rule = mapping.rule();
                fragment.relationship(context.relationship(RelationshipType.SSO_CONNECTOR_ASSIGNED_ROLE, key,
                                roleKey, rule)
                        .put("mapping", rule)
                        .put("attribute", mapping.attribute())
                        .put("value", mapping.value()));
                if (!mapping.isPattern()) {
                    fragment.relationship(context.mappedRelationship(mappedType, context.keys().mappedRelationship(
                                    mappedType, key, mapping.attribute(), mapping.value(), roleKey), roleKey,
                                    mapping.value())
                            .put("connector", name)
                            .put("connectorKind", kind)
                            .put("attribute", mapping.attribute())
                            .put("value", mapping.value())
                            .put("role", role));
                }
            }
        }
        return new Result(fragment, missing, patterns);
    }

    private static GraphObject base(MappingContext context, String kind, String name, String display) {
        return context.entity(EntityType.SSO_CONNECTOR, context.keys().ssoConnector(kind, name), name,
                        display == null || display.isBlank() ? name : display)
                .put("connectorKind", kind);
    }
}

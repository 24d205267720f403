package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.superAdmin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.wrappers.StringValues;

class RoleMapperTest {
    private static final MappingContext CONTEXT = new MappingContext(TeleportFixtures.cluster(), GraphOptions.DEFAULTS);

    private static Map<String, Object> map(RoleV6 role) {
        Map<String, Object> entity = RoleMapper.role(role, CONTEXT).entities().get(0);
        GraphAssertions.assertValidEntity(entity);
        return entity;
    }

    @Test
    void conditionsAndOptionsBecomeFlatProperties() {
        RoleV6.Builder role = role("dev");
        role.getMetadataBuilder().setDescription("Developers");
        role.getSpecBuilder().getOptionsBuilder().setMaxSessionTTL(30L * 3600 * 1_000_000_000L).setRequireMFAType(2);
        role.getSpecBuilder().getAllowBuilder().addLogins("ubuntu").addLogins("{{internal.logins}}")
                .addRules(Rule.newBuilder().addResources("session").addResources("event").addVerbs("list")
                        .addVerbs("read"))
                .getNodeLabelsBuilder().putValues("env", StringValues.newBuilder().addValues("dev")
                        .addValues("staging").build());
        role.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("^prod-.*$").addSearchAsRoles("db-*");
        role.getSpecBuilder().getAllowBuilder().getImpersonateBuilder().addUsers("bot-*");
        role.getSpecBuilder().getDenyBuilder().addLogins("root").getDatabaseLabelsBuilder()
                .putValues("tier", StringValues.newBuilder().addValues("pci").build());

        Map<String, Object> entity = map(role.build());

        assertEquals("teleport_role", entity.get("_type"));
        assertEquals("AccessRole", entity.get("_class"));
        assertEquals("Developers", entity.get("description"));
        assertEquals("v7", entity.get("version"));
        assertEquals(108_000L, entity.get("maxSessionTtlSeconds"));
        assertEquals(true, entity.get("requireMfa"));
        assertEquals("session_and_hardware_key", entity.get("requireMfaType"));
        assertEquals(List.of("ubuntu", "{{internal.logins}}"), entity.get("allowLogins"));
        assertEquals(List.of("root"), entity.get("denyLogins"));
        assertEquals(List.of("session:list", "session:read", "event:list", "event:read"), entity.get("allowRules"));
        assertEquals(List.of("env=dev", "env=staging"), entity.get("allowNodeLabels"));
        assertEquals(List.of("tier=pci"), entity.get("denyDatabaseLabels"));
        assertEquals(List.of("^prod-.*$"), entity.get("canRequestRoles"));
        assertEquals(List.of("db-*"), entity.get("canSearchAsRoles"));
        assertEquals(List.of("bot-*"), entity.get("canImpersonateUsers"));
        assertEquals(false, entity.get("superAdmin"));
        assertEquals(false, entity.get("systemRole"));
        assertEquals("https://example.teleport.sh/web/roles?search=dev", entity.get("webLink"));
    }

    @Test
    void superAdminAndSystemRoles() {
        assertEquals(true, map(superAdmin("root-ish")).get("superAdmin"));
        RoleV6.Builder cancelled = superAdmin("cancelled").toBuilder();
        cancelled.getSpecBuilder().getDenyBuilder().addRules(Rule.newBuilder().addResources("*").addVerbs("*"));
        assertEquals(false, map(cancelled.build()).get("superAdmin"), "a deny *:* cancels the allow");
        Map<String, Object> editor = map(role("editor").build());
        assertEquals(true, editor.get("superAdmin"));
        assertEquals(true, editor.get("systemRole"));
        assertEquals(true, map(role("@teleport-access-approver").build()).get("systemRole"));
        RoleV6.Builder labelled = role("new-preset");
        labelled.getMetadataBuilder().putLabels("teleport.internal/resource-type", "preset");
        assertEquals(true, map(labelled.build()).get("systemRole"));
    }

    @Test
    void unknownMfaModeStillRequiresMfa() {
        RoleV6.Builder role = role("future");
        role.getSpecBuilder().getOptionsBuilder().setRequireMFAType(17);
        Map<String, Object> entity = map(role.build());
        assertEquals(true, entity.get("requireMfa"));
        assertEquals("unknown", entity.get("requireMfaType"));
        assertFalse(entity.containsKey("maxSessionTtlSeconds"));
    }
}

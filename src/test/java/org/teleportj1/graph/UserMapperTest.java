package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.time;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.ConnectorRef;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.UserRef;
import org.teleportj1.proto.types.UserStatusV2;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.wrappers.StringValues;

class UserMapperTest {
    private static final MappingContext CONTEXT = new MappingContext(TeleportFixtures.cluster(), GraphOptions.DEFAULTS);

    private static Map<String, Object> map(UserV2 user) {
        Map<String, Object> entity = UserMapper.user(user, CONTEXT, role -> role.equals("access")).entities().get(0);
        GraphAssertions.assertValidEntity(entity);
        return entity;
    }

    @Test
    void localUserWithUnsetTimestamps() {
        UserV2.Builder user = user("alice@example.com", "access", "gone");
        user.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder().setTime(time(days(-10)))
                .setUser(UserRef.newBuilder().setName("admin")));
        user.setStatus(UserStatusV2.newBuilder().setPasswordState(2).setMfaWeakestDevice(3));

        Map<String, Object> entity = map(user.build());

        assertEquals("teleport_user", entity.get("_type"));
        assertEquals(List.of("alice@example.com"), entity.get("username"));
        assertEquals(List.of("alice@example.com"), entity.get("email"));
        assertEquals(List.of("alice"), entity.get("shortLoginId"));
        assertTrue(entity.containsKey("firstName") && entity.get("firstName") == null);
        assertEquals("local", entity.get("authType"));
        assertEquals(true, entity.get("active"));
        assertEquals(false, entity.get("locked"));
        assertEquals(true, entity.get("seenInUserList"));
        assertFalse(entity.containsKey("expiresOn"), "year-0001 expiry means no expiry");
        assertFalse(entity.containsKey("lockExpiresOn"));
        assertEquals(days(-10).toEpochMilli(), entity.get("createdOn"));
        assertEquals("admin", entity.get("createdBy"));
        assertEquals(true, entity.get("passwordSet"));
        assertEquals("webauthn", entity.get("mfaWeakestDevice"));
        assertEquals(List.of("access", "gone"), entity.get("roles"));
        assertEquals(List.of("gone"), entity.get("missingRoles"));
        assertEquals("https://example.teleport.sh/web/users?search=alice%40example.com", entity.get("webLink"));
    }

    @Test
    void nonEmailNamesHaveNullEmail() {
        Map<String, Object> entity = map(user("bob").build());
        assertTrue(entity.containsKey("email"));
        assertNull(entity.get("email"));
        assertNull(entity.get("shortLoginId"));
    }

    @Test
    void ssoUsersCarryTheirConnectorAndExpiry() {
        UserV2.Builder github = user("octocat");
        github.getSpecBuilder().addGithubIdentities(ExternalIdentity.newBuilder().setConnectorID("github")
                .setUsername("octocat"));
        github.getMetadataBuilder().setExpires(time(days(1))).putLabels("teleport.dev/origin", "okta");
        UserV2.Builder saml = user("sam@example.com");
        saml.getSpecBuilder().addSAMLIdentities(ExternalIdentity.newBuilder().setConnectorID("okta-saml"));
        saml.getMetadataBuilder().setExpires(time(days(-1)));
        UserV2.Builder oidc = user("olive");
        oidc.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder().setConnector(ConnectorRef.newBuilder()
                .setType("oidc").setID("google").setIdentity("olive@example.com")));

        Map<String, Object> gh = map(github.build());
        Map<String, Object> sa = map(saml.build());
        Map<String, Object> oi = map(oidc.build());

        assertEquals("github", gh.get("authType"));
        assertEquals("github", gh.get("connectorName"));
        assertEquals("okta", gh.get("origin"));
        assertEquals(days(1).toEpochMilli(), gh.get("expiresOn"));
        assertEquals(true, gh.get("active"));
        assertEquals("saml", sa.get("authType"));
        assertEquals(false, sa.get("active"), "an expired SSO user is not active");
        assertEquals(true, sa.get("expired"));
        assertEquals("oidc", oi.get("authType"));
        assertEquals("google", oi.get("connectorName"));
        assertEquals("olive@example.com", oi.get("createdBy"));
    }

    @Test
    void botsAndLockedUsers() {
        UserV2.Builder bot = user("bot-ci", "bot-ci");
        bot.getMetadataBuilder().putLabels("teleport.internal/bot", "ci");
        UserV2.Builder locked = user("mallory");
        locked.getSpecBuilder().getStatusBuilder().setIsLocked(true).setLockedMessage("too many failed logins")
                .setLockedTime(time(days(-1))).setLockExpires(time(days(1)));
        UserV2.Builder lockLapsed = user("trent");
        lockLapsed.getSpecBuilder().getStatusBuilder().setIsLocked(true).setLockExpires(time(days(-1)));

        Map<String, Object> b = map(bot.build());
        Map<String, Object> l = map(locked.build());
        Map<String, Object> t = map(lockLapsed.build());

        assertEquals(true, b.get("isBot"));
        assertEquals("ci", b.get("botName"));
        assertEquals(true, l.get("locked"));
        assertEquals(false, l.get("active"));
        assertEquals("too many failed logins", l.get("lockedMessage"));
        assertEquals(days(1).toEpochMilli(), l.get("lockExpiresOn"));
        assertEquals(false, t.get("locked"), "a lock that expired no longer locks");
        assertEquals(true, t.get("active"));
    }

    @Test
    void thousandsOfTraitsStayWithinLimits() {
        UserV2.Builder user = user("many-traits");
        for (int i = 0; i < 5000; i++) {
            user.getSpecBuilder().getTraitsBuilder().putValues("team_" + i + "/x:y z",
                    StringValues.newBuilder().addValues("v" + i).build());
        }
        user.getSpecBuilder().getTraitsBuilder().putValues("aa-big", StringValues.newBuilder()
                .addAllValues(java.util.stream.IntStream.range(0, 500).mapToObj(i -> "value-" + i).toList()).build());

        Map<String, Object> entity = map(user.build());

        long traits = entity.keySet().stream().filter(k -> k.startsWith("trait.")).count();
        assertEquals(50, traits);
        assertEquals(4951, entity.get("traitsTruncated"));
        assertEquals(100, ((List<?>) entity.get("trait.aa-big")).size());
        assertEquals(400, entity.get("traitValuesTruncated"));
        assertTrue(entity.containsKey("trait.team-0-x-y z"), entity.keySet().toString());
    }

    @Test
    void traitNamesThatCollideAfterCleaningAreMerged() {
        UserV2.Builder user = user("t");
        user.getSpecBuilder().getTraitsBuilder()
                .putValues("kube/groups", StringValues.newBuilder().addValues("a").build())
                .putValues("kube:groups", StringValues.newBuilder().addValues("b").addValues("a").build())
                .putValues("日本", StringValues.newBuilder().addValues("x").build())
                .putValues("empty", StringValues.getDefaultInstance());

        Map<String, Object> entity = map(user.build());

        assertEquals(List.of("a", "b"), entity.get("trait.kube-groups"));
        assertEquals(List.of("x"), entity.get("trait.--"));
        assertFalse(entity.containsKey("trait.empty"));
    }

    @Test
    void unknownEnumNumbersAreTolerated() {
        UserV2.Builder user = user("future");
        user.setStatus(UserStatusV2.newBuilder().setPasswordState(99).setMfaWeakestDevice(42));
        Map<String, Object> entity = map(user.build());
        assertFalse(entity.containsKey("passwordSet"));
        assertEquals("unknown", entity.get("mfaWeakestDevice"));
    }

    @Test
    void stubUsersAreInactiveAndNotSeen() {
        Map<String, Object> stub = UserMapper.stub("sso-gone@example.com", CONTEXT).entities().get(0);
        GraphAssertions.assertValidEntity(stub);
        assertEquals(false, stub.get("active"));
        assertEquals(false, stub.get("seenInUserList"));
        assertEquals(List.of("sso-gone@example.com"), stub.get("email"));
    }
}

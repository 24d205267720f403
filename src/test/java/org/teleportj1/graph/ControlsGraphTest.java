package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.ControlsFixtures.APPROVED;
import static org.teleportj1.graph.ControlsFixtures.PENDING;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.superAdmin;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** Locks, access requests, bots and SSO connectors on hand-made clusters. */
class ControlsGraphTest {
    private static final List<RoleV6> ROLES = List.of(role("access").build(), role("dev").build(),
            superAdmin("prod-admin"));

    private static TeleportFixtures.Run run(List<UserV2> users, TeleportFixtures.Controls controls) {
        return TeleportFixtures.run(TeleportFixtures.cluster(), ROLES, users,
                List.of(accessList("l-dev", "Developers", "dev").build()),
                List.of(member("l-dev", "viaList").build()),
                List.of(), controls);
    }

    private static TeleportFixtures.Controls locks(org.teleportj1.proto.types.LockV2... locks) {
        return new TeleportFixtures.Controls(List.of(locks), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aLockOnARoleLocksItsHoldersAndOnlyAnInForceLockCounts() {
        TeleportFixtures.Run run = run(List.of(user("holder", "dev").build(), user("other", "access").build(),
                        user("expiredLock", "access").build(), user("loginOnly", "access").build(),
                        user("viaList", "access").build()),
                locks(ControlsFixtures.lock("freeze-dev", "role", "dev", null),
                        ControlsFixtures.lock("old", "user", "expiredLock", days(-1)),
                        ControlsFixtures.lock("no-root", "login", "root", days(3))));

        Map<String, Object> holder = run.user("holder");
        assertEquals(true, holder.get("locked"));
        assertEquals("freeze-dev", holder.get("lockedBy"));
        assertEquals(false, holder.get("isActive"));
        assertEquals(false, holder.get("active"), "active is kept beside isActive for one release");
        for (String free : List.of("other", "expiredLock", "loginOnly")) {
            assertEquals(false, run.user(free).get("locked"), free);
            assertEquals(true, run.user(free).get("isActive"), free);
        }
        // a role held through an access list: the assignment says the role is locked
        Map<String, Object> viaList = run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(),
                KEYS.user("viaList"), KEYS.role("dev")).get(0);
        assertEquals("freeze-dev", viaList.get("roleLockedBy"));
        assertEquals(1, run.sink().relationships(RelationshipType.LOCK_RESTRICTS_ROLE.type(), KEYS.lock("freeze-dev"),
                KEYS.role("dev")).size());
        assertEquals(1, run.sink().relationships(RelationshipType.LOCK_RESTRICTS_USER.type(), KEYS.lock("old"),
                KEYS.user("expiredLock")).size(), "an expired lock is still shown, as not in force");
        assertEquals(false, run.sink().entity(KEYS.lock("old")).get("inForce"));
        assertEquals("login", run.sink().entity(KEYS.lock("no-root")).get("targetKind"));
        run.sink().assertValid();
    }

    @Test
    void anApprovedRequestInForceIsATemporaryAssignmentAndAnExpiredOneIsNone() {
        TeleportFixtures.Run run = run(List.of(user("grace", "access").build(), user("judy", "access").build(),
                        user("dave", "access").build()),
                new TeleportFixtures.Controls(List.of(),
                        List.of(ControlsFixtures.request("r-now", "grace", "prod-admin", APPROVED, days(1), "judy")
                                        .build(),
                                ControlsFixtures.request("r-old", "judy", "prod-admin", APPROVED, days(-1)).build(),
                                ControlsFixtures.request("r-wait", "dave", "prod-admin", PENDING, days(1)).build()),
                        List.of(), List.of(), List.of()));

        List<Map<String, Object>> grace = run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(),
                KEYS.user("grace"), KEYS.role("prod-admin"));
        assertEquals(1, grace.size());
        assertEquals("access_request", grace.get(0).get("grantedBy"));
        assertEquals("r-now", grace.get(0).get("accessRequest"));
        assertEquals(true, grace.get(0).get("temporary"));
        assertEquals(days(1).toEpochMilli(), grace.get(0).get("expiresOn"));
        assertTrue(run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(), KEYS.user("judy"),
                KEYS.role("prod-admin")).isEmpty(), "expired: no access now");
        assertTrue(run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(), KEYS.user("dave"),
                KEYS.role("prod-admin")).isEmpty(), "pending: no access");
        assertEquals(true, run.sink().entity(KEYS.accessRequest("r-now")).get("inForce"));
        assertEquals(false, run.sink().entity(KEYS.accessRequest("r-old")).get("inForce"));
        assertEquals("PENDING", run.sink().entity(KEYS.accessRequest("r-wait")).get("state"));
        assertEquals(1, run.sink().relationships(RelationshipType.USER_REVIEWED_ACCESS_REQUEST.type(),
                KEYS.user("judy"), KEYS.accessRequest("r-now")).size());
        run.sink().assertValid();
    }

    @Test
    void aLockedRoleGrantedByARequestLocksTheRequester() {
        TeleportFixtures.Run run = run(List.of(user("grace", "access").build()),
                new TeleportFixtures.Controls(List.of(ControlsFixtures.lock("no-admin", "role", "prod-admin", null)),
                        List.of(ControlsFixtures.request("r-now", "grace", "prod-admin", APPROVED, days(1)).build()),
                        List.of(), List.of(), List.of()));
        assertEquals("no-admin", run.user("grace").get("lockedBy"));
    }

    @Test
    void aSamlMappingToAMissingRoleIsReportedOnceAndTheRestIsMapped() {
        TeleportFixtures.Run run = run(List.of(user("alice", "access").build()),
                new TeleportFixtures.Controls(List.of(), List.of(), List.of(), List.of(), List.of(
                        ControlsFixtures.saml("okta", "groups", "Admins", "prod-admin", "gone-role"),
                        // the same connector listed twice (a repeated page): one entity, one report
                        ControlsFixtures.saml("okta", "groups", "Admins", "prod-admin", "gone-role"),
                        ControlsFixtures.saml("okta-regex", "groups", "^eng-.*$", "dev"))));

        assertEquals(1, run.stats().ssoMissingRoles());
        assertEquals(1, run.stats().duplicatesSkipped());
        String connector = KEYS.ssoConnector("saml", "okta");
        assertEquals(List.of("groups=Admins→prod-admin,gone-role"), run.sink().entity(connector).get("mappings"));
        assertEquals(1, run.sink().relationships(RelationshipType.SSO_CONNECTOR_ASSIGNED_ROLE.type(), connector,
                KEYS.role("prod-admin")).size());
        List<Map<String, Object>> mapped = run.sink().relationshipsOfType(
                MappedRelationshipType.IDP_GROUP_ASSIGNED_ROLE.type());
        assertEquals(1, mapped.size(), "the regex value links no group by name");
        @SuppressWarnings("unchecked")
        Map<String, Object> mapping = (Map<String, Object>) mapped.get(0).get("_mapping");
        assertEquals("REVERSE", mapping.get("relationshipDirection"));
        assertEquals(KEYS.role("prod-admin"), mapping.get("sourceEntityKey"));
        assertEquals(true, mapping.get("skipTargetCreation"));
        assertEquals(Map.of("_class", "UserGroup", "name", "Admins"), mapping.get("targetEntity"));
        assertEquals(List.of(List.of("_class", "name")), mapping.get("targetFilterKeys"));
        // the regex mapping still grants its role through the connector
        assertEquals(1, run.sink().relationships(RelationshipType.SSO_CONNECTOR_ASSIGNED_ROLE.type(),
                KEYS.ssoConnector("saml", "okta-regex"), KEYS.role("dev")).size());
        run.sink().assertValid();
    }

    @Test
    void aGithubTeamMapsToGraphGithubsTeamBySlug() {
        TeleportFixtures.Run run = run(List.of(), new TeleportFixtures.Controls(List.of(), List.of(), List.of(),
                List.of(), List.of(ControlsFixtures.github("github", "acme", "platform", "dev"))));
        Map<String, Object> mapped = run.sink().relationshipsOfType(
                MappedRelationshipType.GITHUB_TEAM_ASSIGNED_ROLE.type()).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> mapping = (Map<String, Object>) mapped.get("_mapping");
        assertEquals(Map.of("_class", "Team", "_type", "github_team", "name", "platform"), mapping.get("targetEntity"));
        assertEquals("acme", mapped.get("attribute"));
        assertEquals("platform", mapped.get("value"));
        assertEquals(List.of("acme/platform→dev"), run.sink().entity(KEYS.ssoConnector("github", "github"))
                .get("mappings"));
    }

    @Test
    void aBotLinksItsUserRolesAndInstancesWithTheLatestHeartbeat() {
        TeleportFixtures.Run run = run(List.of(), new TeleportFixtures.Controls(List.of(), List.of(),
                List.of(ControlsFixtures.bot("ci", "prod-admin", "missing")),
                List.of(ControlsFixtures.instance("ci", "i-1", days(-40)),
                        ControlsFixtures.instance("gone", "i-2", days(-1))), List.of()));

        String bot = KEYS.bot("ci");
        assertEquals(1, run.sink().relationships(RelationshipType.BOT_IS_USER.type(), bot, KEYS.user("bot-ci")).size());
        assertEquals(false, run.user("bot-ci").get("seenInUserList"), "an unlisted bot user is a stub");
        assertEquals(1, run.sink().relationships(RelationshipType.BOT_ASSIGNED_ROLE.type(), bot, null).size());
        Map<String, Object> instance = run.sink().entity(KEYS.botInstance("ci", "i-1"));
        assertEquals(days(-40).toEpochMilli(), instance.get("lastSeenOn"));
        assertEquals("runner-1", instance.get("hostname"));
        assertEquals(1, run.sink().relationships(RelationshipType.BOT_HAS_INSTANCE.type(), bot, null).size());
        assertTrue(run.sink().relationships(RelationshipType.BOT_HAS_INSTANCE.type(), KEYS.bot("gone"), null)
                .isEmpty(), "no edge from a bot that is not listed");
        assertEquals("gone", run.sink().entity(KEYS.botInstance("gone", "i-2")).get("botName"));
        run.sink().assertValid();
    }
}

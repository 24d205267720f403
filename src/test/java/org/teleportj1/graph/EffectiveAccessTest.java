package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.nestedList;
import static org.teleportj1.graph.TeleportFixtures.owner;
import static org.teleportj1.graph.TeleportFixtures.ownerList;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.run;
import static org.teleportj1.graph.TeleportFixtures.time;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListGrants;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** Effective role assignment through access lists: nesting, cycles, depth, eligibility, expiry, owners. */
class EffectiveAccessTest {
    private static final List<RoleV6> ROLES = List.of(role("prod").build(), role("staging").build(),
            role("dev").build(), role("auditor-x").build());

    @Test
    void membersOfNestedListsInheritGrantsThroughTwoLevels() {
        List<AccessList> lists = List.of(accessList("top", "Production", "prod").build(),
                accessList("mid", "Staging", "staging").build(), accessList("leaf", "Developers", "dev").build());
        List<Member> members = List.of(nestedList("top", "mid").build(), nestedList("mid", "leaf").build(),
                member("leaf", "alice").build(), member("top", "bob").build(), member("mid", "carol").build());

        TeleportFixtures.Run run = run(ROLES, List.of(user("alice").build(), user("bob", "dev").build(),
                user("carol").build()), lists, members, List.of());

        assertEquals(List.of("dev via leaf", "prod via top inherited", "staging via mid inherited"),
                run.assignments("alice"));
        assertEquals(List.of("dev", "prod via top"), run.assignments("bob"));
        assertEquals(List.of("prod via top inherited", "staging via mid"), run.assignments("carol"));
        Map<String, Object> direct = run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(),
                KEYS.user("bob"), KEYS.role("dev")).get(0);
        assertEquals("user", direct.get("grantedBy"));
        Map<String, Object> viaList = run.sink().relationships(RelationshipType.USER_ASSIGNED_ROLE.type(),
                KEYS.user("alice"), KEYS.role("prod")).get(0);
        assertEquals("access_list", viaList.get("grantedBy"));
        assertEquals("top", viaList.get("accessList"));
        assertEquals(1, run.sink().relationships(RelationshipType.ACCESS_LIST_HAS_ACCESS_LIST.type(),
                KEYS.accessList("top"), KEYS.accessList("mid")).size());
        run.sink().assertValid();
    }

    @Test
    void aCycleIsReportedOnceAndDoesNotLoop() {
        List<AccessList> lists = List.of(accessList("a", "A", "prod").build(), accessList("b", "B", "staging").build(),
                accessList("c", "C", "dev").build());
        List<Member> members = List.of(nestedList("a", "b").build(), nestedList("b", "c").build(),
                nestedList("c", "a").build(), member("a", "alice").build(), member("c", "carol").build());

        TeleportFixtures.Run run = run(ROLES, List.of(user("alice").build(), user("carol").build()), lists, members,
                List.of());

        assertEquals(1, run.stats().nestingCycles());
        // everyone in the cycle is a member of every list in it
        assertEquals(List.of("dev via c inherited", "prod via a", "staging via b inherited"),
                run.assignments("alice"));
        assertEquals(List.of("dev via c", "prod via a inherited", "staging via b inherited"),
                run.assignments("carol"));
        run.sink().assertValid();
    }

    @Test
    void expiredAndIneligibleMembershipsGrantNothingButAreStillShown() {
        List<AccessList> lists = List.of(accessList("prod-list", "Prod", "prod").build(),
                accessList("nested", "Nested", "dev").build());
        List<Member> members = List.of(
                member("prod-list", "expired-user").setSpec(member("prod-list", "expired-user").getSpec().toBuilder()
                        .setExpires(time(days(-1)))).build(),
                member("prod-list", "ineligible-user").setSpec(member("prod-list", "ineligible-user").getSpec()
                        .toBuilder().setIneligibleStatus(TeleportFixtures.MISSING_REQUIREMENTS)).build(),
                member("prod-list", "future-user").setSpec(member("prod-list", "future-user").getSpec().toBuilder()
                        .setExpires(time(days(5)))).build(),
                nestedList("prod-list", "nested").setSpec(nestedList("prod-list", "nested").getSpec().toBuilder()
                        .setExpires(time(days(-2)))).build(),
                member("nested", "nested-user").build());

        TeleportFixtures.Run run = run(ROLES, List.of(user("expired-user").build(), user("ineligible-user").build(),
                user("future-user").build(), user("nested-user").build()), lists, members, List.of());

        assertEquals(List.of(), run.assignments("expired-user"));
        assertEquals(List.of(), run.assignments("ineligible-user"));
        assertEquals(List.of("prod via prod-list"), run.assignments("future-user"));
        assertEquals(List.of("dev via nested"), run.assignments("nested-user"), "expired nested list grants nothing");
        Map<String, Object> expired = run.sink().relationships(RelationshipType.ACCESS_LIST_HAS_USER.type(),
                KEYS.accessList("prod-list"), KEYS.user("expired-user")).get(0);
        assertEquals(true, expired.get("expired"));
        assertEquals(days(-1).toEpochMilli(), expired.get("expiresOn"));
        Map<String, Object> ineligible = run.sink().relationships(RelationshipType.ACCESS_LIST_HAS_USER.type(),
                KEYS.accessList("prod-list"), KEYS.user("ineligible-user")).get(0);
        assertEquals("missing_requirements", ineligible.get("ineligibleStatus"));
        assertEquals(false, ineligible.get("expired"));
        run.sink().assertValid();
    }

    @Test
    void ownersGetOwnerGrantsDirectlyAndThroughAnOwnerList() {
        AccessList owned = accessList("owned", "Owned", "dev")
                .setSpec(accessList("owned", "Owned", "dev").getSpec().toBuilder()
                        .addOwners(owner("olga"))
                        .addOwners(ownerList("admins"))
                        .addOwners(owner("ineligible-owner").toBuilder().setIneligibleStatus(4))
                        .setOwnerGrants(AccessListGrants.newBuilder().addRoles("auditor-x")))
                .build();
        TeleportFixtures.Run run = run(ROLES, List.of(user("olga").build(), user("adam").build(),
                        user("ineligible-owner").build()),
                List.of(owned, accessList("admins", "Admins").build()),
                List.of(member("admins", "adam").build()), List.of());

        assertEquals(List.of("auditor-x via owned as owner"), run.assignments("olga"));
        assertEquals(List.of("auditor-x via owned inherited as owner"), run.assignments("adam"));
        assertEquals(List.of(), run.assignments("ineligible-owner"));
        assertEquals(1, run.sink().relationships(RelationshipType.ACCESS_LIST_OWNS_ACCESS_LIST.type(),
                KEYS.accessList("admins"), KEYS.accessList("owned")).size());
        assertEquals("expired", run.sink().relationships(RelationshipType.USER_OWNS_ACCESS_LIST.type(),
                KEYS.user("ineligible-owner"), KEYS.accessList("owned")).get(0).get("ineligibleStatus"));
        List<String> grantees = run.sink().relationships(RelationshipType.ACCESS_LIST_ASSIGNED_ROLE.type(),
                KEYS.accessList("owned"), null).stream().map(r -> (String) r.get("grantee")).sorted().toList();
        assertEquals(List.of("members", "owners"), grantees);
        run.sink().assertValid();
    }

    @Test
    void nestingDeeperThanTenLevelsIsCutAndReported() {
        List<AccessList> lists = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int level = 0; level <= 12; level++) {
            lists.add(level == 0 ? accessList("l0", "Root", "prod").build() : accessList("l" + level, "L" + level).build());
            if (level > 0) {
                members.add(nestedList("l" + (level - 1), "l" + level).build());
            }
            members.add(member("l" + level, "u" + level).build());
        }
        List<UserV2> users = new ArrayList<>();
        for (int level = 0; level <= 12; level++) {
            users.add(user("u" + level).build());
        }

        TeleportFixtures.Run run = run(ROLES, users, lists, members, List.of());

        assertEquals(List.of("prod via l0 inherited"), run.assignments("u10"), "10 levels down still inherit");
        assertEquals(List.of(), run.assignments("u11"), "11 levels down is cut");
        assertTrue(run.stats().nestingPathsCut() >= 1);
        assertEquals(0, run.stats().nestingCycles());
        run.sink().assertValid();
    }

    @Test
    void grantsOfRolesThatDoNotExistAreCountedNotLinked() {
        TeleportFixtures.Run run = run(ROLES, List.of(user("alice", "ghost-role").build()),
                List.of(accessList("l", "L", "prod", "deleted-role").build()), List.of(member("l", "alice").build()),
                List.of());

        assertEquals(List.of("prod via l"), run.assignments("alice"));
        assertEquals(List.of("ghost-role"), run.user("alice").get("missingRoles"));
        assertEquals(List.of("deleted-role"), run.sink().entity(KEYS.accessList("l")).get("missingRoles"));
        assertEquals(2, run.stats().danglingReferencesSkipped());
        run.sink().assertValid();
    }
}

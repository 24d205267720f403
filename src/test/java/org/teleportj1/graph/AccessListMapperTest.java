package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.NOW;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.owner;
import static org.teleportj1.graph.TeleportFixtures.review;
import static org.teleportj1.graph.TeleportFixtures.time;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListRequires;
import org.teleportj1.proto.accesslist.v1.ReviewChanges;
import org.teleportj1.proto.trait.v1.Trait;

/** Access lists (audit schedule, grants, requirements) and their reviews. */
class AccessListMapperTest {
    private static final MappingContext CONTEXT = new MappingContext(TeleportFixtures.cluster(), GraphOptions.DEFAULTS);

    private static Map<String, Object> map(AccessList list) {
        GraphFragment fragment = AccessListMapper.accessList(list, CONTEXT, role -> !role.equals("deleted"));
        Map<String, Object> entity = fragment.entities().get(0);
        GraphAssertions.assertValidEntity(entity);
        return entity;
    }

    @Test
    void overdueReviewIsFlaggedWithNegativeDaysUntilReview() {
        AccessList.Builder list = accessList("ops", "Ops");
        list.getSpecBuilder().getAuditBuilder().setNextAuditDate(time(days(-3)));
        Map<String, Object> overdue = map(list.build());
        Map<String, Object> upcoming = map(accessList("dev", "Dev").build());

        assertEquals(true, overdue.get("reviewOverdue"));
        assertEquals(-3L, overdue.get("daysUntilReview"));
        assertEquals(days(-3).toEpochMilli(), overdue.get("nextAuditOn"));
        assertEquals(false, upcoming.get("reviewOverdue"));
        assertEquals(30L, upcoming.get("daysUntilReview"));
        assertEquals(6, upcoming.get("auditFrequencyMonths"));
        assertEquals(1, upcoming.get("auditDayOfMonth"));
    }

    @Test
    void listsWithoutAnAuditDateAreNotOverdue() {
        AccessList.Builder list = accessList("scim", "SCIM");
        list.getSpecBuilder().clearAudit().setType("scim");
        Map<String, Object> entity = map(list.build());
        assertFalse(entity.containsKey("reviewOverdue"));
        assertFalse(entity.containsKey("daysUntilReview"));
        assertEquals("scim", entity.get("listType"));
    }

    @Test
    void grantsOwnersAndRequirementsAreProperties() {
        AccessList.Builder list = accessList("db", "Database admins", "db-admin", "deleted");
        list.getSpecBuilder().setDescription("DBAs")
                .addOwners(owner("olga")).addOwners(owner("ivan").toBuilder().setIneligibleStatus(3))
                .setMembershipRequires(AccessListRequires.newBuilder().addRoles("employee")
                        .addTraits(Trait.newBuilder().setKey("team").addValues("dba")))
                .getGrantsBuilder().addTraits(Trait.newBuilder().setKey("db_users").addValues("admin").addValues("ro"));
        list.getStatusBuilder().setMemberCount(12).setMemberListCount(2);

        GraphFragment fragment = AccessListMapper.accessList(list.build(), CONTEXT, role -> !role.equals("deleted"));
        Map<String, Object> entity = fragment.entities().get(0);
        GraphAssertions.assertValidEntity(entity);

        assertEquals("Database admins", entity.get("displayName"));
        assertEquals("db", entity.get("name"));
        assertEquals("dynamic", entity.get("listType"));
        assertEquals(List.of("olga", "ivan"), entity.get("owners"));
        assertEquals(2, entity.get("ownerCount"));
        assertEquals(1L, entity.get("eligibleOwnerCount"));
        assertEquals(List.of("db-admin", "deleted"), entity.get("grantsRoles"));
        assertEquals(List.of("db_users=admin", "db_users=ro"), entity.get("grantsTraits"));
        assertEquals(List.of("employee"), entity.get("membershipRequiresRoles"));
        assertEquals(List.of("team=dba"), entity.get("membershipRequiresTraits"));
        assertEquals(List.of("deleted"), entity.get("missingRoles"));
        assertEquals(12L, entity.get("memberCount"));
        assertEquals(2L, entity.get("nestedListCount"));
        assertEquals("https://example.teleport.sh/web/accesslists/db", entity.get("webLink"));
        // one ASSIGNED edge for the existing granted role, one OWNS edge per user owner, one HAS from the account
        assertEquals(List.of("teleport_account_has_access_list", "teleport_access_list_assigned_role",
                        "teleport_user_owns_access_list", "teleport_user_owns_access_list"),
                fragment.relationships().stream().map(r -> r.get("_type")).toList());
    }

    @Test
    void reviewsCarryTitleDateReviewersAndChanges() {
        Instant date = Instant.parse("2026-02-15T09:30:00Z");
        GraphFragment fragment = ReviewMapper.review(review("db", "rev-1", date, "olga", "ivan", "olga")
                .setSpec(review("db", "rev-1", date, "olga", "ivan").getSpec().toBuilder()
                        .setChanges(ReviewChanges.newBuilder().addRemovedMembers("mallory")
                                .setReviewFrequencyChanged(3)
                                .setMembershipRequirementsChanged(AccessListRequires.newBuilder().addRoles("x"))))
                .build(), CONTEXT, "Database admins");
        Map<String, Object> entity = fragment.entities().get(0);
        GraphAssertions.assertValidEntity(entity);

        assertEquals("Review of Database admins on 2026-02-15", entity.get("title"));
        assertEquals(date.toEpochMilli(), entity.get("reviewedOn"));
        assertEquals(List.of("olga", "ivan"), entity.get("reviewers"));
        assertEquals(List.of("mallory"), entity.get("removedMembers"));
        assertEquals(true, entity.get("requirementsChanged"));
        assertEquals(3, entity.get("frequencyChangedMonths"));
        assertEquals("db", entity.get("accessList"));
        assertEquals(KEYS.review("db", "rev-1"), entity.get("_key"));
        assertEquals(List.of("teleport_access_list_has_review", "teleport_user_performed_access_list_review",
                "teleport_user_performed_access_list_review"),
                fragment.relationships().stream().map(r -> r.get("_type")).toList());
    }

    @Test
    void reviewOfAListNotInTheRunHasNoListEdge() {
        GraphFragment fragment = ReviewMapper.review(review("gone", "r", NOW, "olga").build(), CONTEXT, null);
        assertEquals("Review of gone on 2026-03-01", fragment.entities().get(0).get("title"));
        assertEquals(List.of("teleport_user_performed_access_list_review"),
                fragment.relationships().stream().map(r -> r.get("_type")).toList());
    }
}

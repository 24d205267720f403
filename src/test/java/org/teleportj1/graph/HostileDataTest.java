package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.NOW;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.owner;
import static org.teleportj1.graph.TeleportFixtures.requester;
import static org.teleportj1.graph.TeleportFixtures.review;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.run;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Recurrence;
import org.teleportj1.proto.accesslist.v1.ReviewChanges;

/** Data no sane cluster has, but a J1 upload must survive: it is mapped within the rules, never fatal. */
class HostileDataTest {
    private static final String LONG = "ü".repeat(700) + "名".repeat(700) + "x".repeat(100); // 1500 chars
    private static final String UNICODE = "Zoë 👩‍💻 |:% \u202e tab\t";

    @Test
    void unicodeAndVeryLongNamesGiveValidStableKeys() {
        String longList = "list-" + LONG;
        AccessList.Builder list = accessList(longList, LONG, LONG);
        list.getSpecBuilder().addOwners(owner(UNICODE));
        TeleportFixtures.Run run = run(List.of(requester(LONG, "*"), role(UNICODE).build()),
                List.of(user(LONG, LONG, UNICODE).build(), user(UNICODE).build(), user(LONG + "2").build()),
                List.of(list.build()),
                List.of(member(longList, LONG).build(), member(longList, UNICODE).build()),
                List.of(review(longList, LONG, NOW, LONG, UNICODE).build()));

        run.sink().assertValid();
        for (Map<String, Object> object : run.sink().entities) {
            assertTrue(object.get("_key").toString().length() <= 1000);
        }
        for (Map<String, Object> object : run.sink().relationships) {
            assertTrue(object.get("_key").toString().length() <= 1000);
        }
        assertNotEquals(KEYS.user(LONG), KEYS.user(LONG + "2"), "same 1000-char prefix, different keys");
        assertEquals(KEYS.user(LONG), new GraphKeys(TeleportFixtures.CLUSTER, 1000).user(LONG), "stable");
        assertEquals(LONG, run.user(LONG).get("name"));
        assertFalse(run.assignments(LONG).isEmpty());
    }

    @Test
    void separatorsInNamesCannotForgeAnotherKey() {
        GraphKeys keys = KEYS;
        assertNotEquals(keys.review("a:b", "c"), keys.review("a", "b:c"));
        String direct = keys.relationship(RelationshipType.USER_ASSIGNED_ROLE, keys.user("u"), keys.role("r|x"));
        String viaList = keys.relationship(RelationshipType.USER_ASSIGNED_ROLE, keys.user("u"), keys.role("r"), "x");
        assertNotEquals(direct, viaList);
        assertEquals("teleport:example.teleport.sh:user:alice@example.com", keys.user("alice@example.com"));
    }

    @Test
    void emptyTitlesLongTextAndUnknownEnumsAreMappedWithinTheRules() {
        AccessList.Builder list = accessList("7f3c-uuid", "", "ghost");
        list.getSpecBuilder().setDescription("d".repeat(10_000)).setType("future-type")
                .getAuditBuilder().setRecurrence(Recurrence.newBuilder().setFrequency(7).setDayOfMonth(9));
        list.getSpecBuilder().addOwners(owner("o").toBuilder().setIneligibleStatus(77).setMembershipKind(9));

        TeleportFixtures.Run run = run(List.of(), List.of(user("o").build()), List.of(list.build()),
                List.of(member("7f3c-uuid", "m").setSpec(member("7f3c-uuid", "m").getSpec().toBuilder()
                        .setIneligibleStatus(55).setMembershipKind(9)).build()),
                List.of(review("7f3c-uuid", "r1", NOW).setSpec(review("7f3c-uuid", "r1", NOW).getSpec().toBuilder()
                        .setChanges(ReviewChanges.newBuilder().setReviewFrequencyChanged(5))).build()));

        run.sink().assertValid();
        Map<String, Object> entity = run.sink().entity(KEYS.accessList("7f3c-uuid"));
        assertEquals("7f3c-uuid", entity.get("displayName"), "an empty title falls back to the name");
        assertEquals(4096, entity.get("description").toString().length());
        assertEquals("future-type", entity.get("listType"));
        assertFalse(entity.containsKey("auditFrequencyMonths"));
        assertFalse(entity.containsKey("auditDayOfMonth"));
        assertEquals("unknown", run.sink().relationships(RelationshipType.ACCESS_LIST_HAS_USER.type(), null,
                KEYS.user("m")).get(0).get("ineligibleStatus"));
        assertEquals(List.of(), run.assignments("m"), "an unknown eligibility grants nothing");
        Map<String, Object> reviewEntity = run.sink().entitiesOfType("teleport_access_list_review").get(0);
        assertFalse(reviewEntity.containsKey("frequencyChangedMonths"));
        assertTrue(reviewEntity.get("title").toString().startsWith("Review of 7f3c-uuid on "));
    }

    @Test
    void duplicatesAcrossPagesAreDroppedNotDuplicated() {
        RecordingSink sink = new RecordingSink();
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), sink);
        builder.roles(List.of(role("r").build()));
        builder.roles(List.of(role("r").build()));
        builder.users(List.of(user("u", "r").build()));
        builder.users(List.of(user("u", "r").build()));
        builder.accessLists(List.of(accessList("l", "L", "r").build(), accessList("l", "L", "r").build()));
        builder.members(List.of(member("l", "u").build()));
        builder.members(List.of(member("l", "u").build()));
        builder.reviews(List.of(review("l", "x", NOW, "u").build(), review("l", "x", NOW, "u").build()));
        builder.complete();

        sink.assertValid();
        assertEquals(5, builder.stats().duplicatesSkipped(), "one repeat each of role, user, list, member, review");
        assertEquals(1, sink.entitiesOfType("teleport_user").size());
    }

    @Test
    void accountNameTagsEveryEntityAndWebLinksNeedAProxy() {
        ClusterInfo cluster = new ClusterInfo("c1.example.com", "", "", "Prod Teleport", NOW);
        TeleportFixtures.Run run = run(cluster, List.of(role("r").build()), List.of(user("u").build()),
                List.of(accessList("l", "L").build()), List.of(member("l", "ghost").build()),
                List.of(review("l", "x", NOW, "u").build()));

        run.sink().assertValid();
        Set<String> types = new HashSet<>();
        for (Map<String, Object> entity : run.sink().entities) {
            assertEquals("Prod Teleport", entity.get("tag.AccountName"), entity.get("_key").toString());
            assertFalse(entity.containsKey("webLink"), "no proxy address, no link");
            types.add((String) entity.get("_type"));
        }
        assertEquals(5, types.size());
        assertFalse(run.sink().entity("teleport:c1.example.com").containsKey("serverVersion"));
    }

    @Test
    void webLinksAreValidUrisOrAbsent() {
        WebLinks links = new WebLinks("https://teleport.example.com:3080/", 4096);
        assertEquals("https://teleport.example.com:3080/web/accesslists/a%20b%2Fc%3F%23",
                links.accessList("a b/c?#"));
        assertEquals("https://teleport.example.com/web", new WebLinks("teleport.example.com:443", 4096).account());
        assertNull(new WebLinks("not a host name", 4096).account());
        assertNull(new WebLinks(null, 4096).user("x"));
        assertNull(new WebLinks("teleport.example.com", 100).user("x".repeat(200)), "too long to cut safely");
    }
}

package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.NOW;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.owner;
import static org.teleportj1.graph.TeleportFixtures.review;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;

/** Users Teleport no longer lists but access lists still name, and users remembered from earlier runs. */
class StubUsersTest {

    @Test
    void unknownMembersOwnersAndReviewersBecomeInactiveUsersOnce() {
        AccessList.Builder list = accessList("l", "L", "r");
        list.getSpecBuilder().addOwners(owner("gone-owner")).addOwners(owner("listed"));
        TeleportFixtures.Run run = TeleportFixtures.run(List.of(role("r").build()), List.of(user("listed").build()),
                List.of(list.build()), List.of(member("l", "gone-member").build(), member("l", "listed").build()),
                List.of(review("l", "rev", NOW, "gone-reviewer", "gone-member").build()));

        run.sink().assertValid();
        assertEquals(3, run.stats().stubUsers());
        assertEquals(4, run.sink().entitiesOfType("teleport_user").size());
        for (String name : List.of("gone-owner", "gone-member", "gone-reviewer")) {
            Map<String, Object> stub = run.user(name);
            assertEquals(false, stub.get("active"), name);
            assertEquals(false, stub.get("seenInUserList"), name);
        }
        assertEquals(true, run.user("listed").get("seenInUserList"));
        assertEquals(List.of("r via l"), run.assignments("gone-member"), "an SSO member still holds the grant");
    }

    @Test
    void usersSeenInEarlierRunsAreKeptWithinTheRetentionWindow() {
        RecordingSink sink = new RecordingSink();
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), sink);
        builder.roles(List.of());
        builder.users(List.of(user("still-here").build()));
        builder.accessLists(List.of(accessList("l", "L").build()));
        builder.members(List.of(member("l", "recent").build()));
        builder.rememberUsers(Map.of("recent", days(-3), "ancient", days(-31), "still-here", days(-1)));
        builder.complete();

        sink.assertValid();
        assertEquals(days(-3).toEpochMilli(), sink.entity(KEYS.user("recent")).get("lastSeenOn"));
        assertEquals(false, sink.entity(KEYS.user("recent")).get("active"));
        assertEquals(1, builder.stats().rememberedUsers());
        assertEquals(0, builder.stats().stubUsers(), "the remembered user covers the membership");
        assertEquals(2, sink.entitiesOfType("teleport_user").size(), "ancient is past the window");
        assertEquals(java.util.Set.of("still-here"), builder.listedUserNames());
    }

    @Test
    void pagesAfterCompleteAreRejected() {
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), new RecordingSink());
        builder.complete();
        assertThrows(IllegalStateException.class, () -> builder.users(List.of()));
        assertThrows(IllegalStateException.class, builder::complete);
    }
}

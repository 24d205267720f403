package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.nestedList;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** Orchestration: streaming per page, and a cluster of the size the product must handle. */
class GraphBuilderTest {

    @Test
    void eachPageReachesTheSinkDuringThePageCall() {
        RecordingSink sink = new RecordingSink();
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), sink);

        builder.roles(List.of(role("r").build()));
        assertEquals(List.of("teleport_account", "teleport_role"),
                sink.entities.stream().map(e -> e.get("_type")).toList(), "the account comes first, once");
        builder.users(List.of(user("u", "r").build()));
        assertEquals(1, sink.entitiesOfType("teleport_user").size());
        assertEquals(1, sink.relationships(RelationshipType.USER_ASSIGNED_ROLE.type(), KEYS.user("u"), null).size());
        builder.accessLists(List.of(accessList("l", "L", "r").build()));
        assertEquals(1, sink.entitiesOfType("teleport_access_list").size());
        builder.members(List.of(member("l", "u").build()));
        assertEquals(1, sink.relationshipsOfType(RelationshipType.ACCESS_LIST_HAS_USER.type()).size());
        assertEquals(1, sink.relationshipsOfType(RelationshipType.USER_ASSIGNED_ROLE.type()).size(),
                "effective access waits for complete()");
        builder.complete();
        assertEquals(2, sink.relationshipsOfType(RelationshipType.USER_ASSIGNED_ROLE.type()).size());
        sink.assertValid();
    }

    @Test
    void aClusterOf100kUsersAnd300kMembershipsIsMapped() {
        CountingSink sink = new CountingSink();
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), sink);
        List<RoleV6> roles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            roles.add(role("role-" + i).build());
        }
        builder.roles(roles);
        for (int page = 0; page < 100; page++) {
            List<UserV2> users = new ArrayList<>();
            for (int i = page * 1000; i < (page + 1) * 1000; i++) {
                users.add(user("user-" + i + "@example.com", "role-" + (i % 10)).build());
            }
            builder.users(users);
        }
        List<AccessList> lists = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lists.add(accessList("list-" + i, "List " + i, "role-" + (i % 10)).build());
        }
        builder.accessLists(lists);
        List<Member> members = new ArrayList<>();
        for (int user = 0; user < 100_000; user++) {
            for (int offset : new int[] {0, 333, 666}) {
                members.add(member("list-" + (user + offset) % 1000, "user-" + user + "@example.com").build());
                if (members.size() == 200) {
                    builder.members(members);
                    members = new ArrayList<>();
                }
            }
        }
        for (int i = 1; i < 1000; i += 2) {
            members.add(nestedList("list-" + (i - 1), "list-" + i).build());
        }
        builder.members(members);
        builder.complete();

        assertEquals(1 + 10 + 100_000 + 1000, sink.entities);
        assertEquals(300_000, sink.byType.get(RelationshipType.ACCESS_LIST_HAS_USER.type()));
        assertEquals(500, sink.byType.get(RelationshipType.ACCESS_LIST_HAS_ACCESS_LIST.type()));
        // 100k direct assignments, 300k memberships granting their list's role, 150k more through nesting
        assertEquals(100_000 + 300_000 + 150_000, sink.byType.get(RelationshipType.USER_ASSIGNED_ROLE.type()));
        assertEquals(0, builder.stats().stubUsers());
        assertTrue(sink.longestKey <= 1000);
    }

    @Test
    void completionWithCheckpointsEmitsTheSameObjectsAndLetsTheCallerDrainOnTheWay() {
        RecordingSink plain = new RecordingSink();
        RecordingSink drained = new RecordingSink();
        List<Integer> sizesAtCheckpoints = new ArrayList<>();
        int[] lastSize = {0};
        feed(new GraphBuilder(TeleportFixtures.cluster(), plain)).complete();
        GraphBuilder builder = feed(new GraphBuilder(TeleportFixtures.cluster(), drained));
        int beforeCompletion = drained.relationships.size() + drained.entities.size();
        lastSize[0] = beforeCompletion;
        builder.complete(() -> {
            int size = drained.relationships.size() + drained.entities.size();
            sizesAtCheckpoints.add(size - lastSize[0]);
            lastSize[0] = size;
        });

        assertEquals(plain.entities, drained.entities);
        assertEquals(plain.relationships, drained.relationships);
        assertTrue(sizesAtCheckpoints.size() >= 2, "checkpoints during completion: " + sizesAtCheckpoints);
        sizesAtCheckpoints.forEach(n -> assertTrue(n >= GraphBuilder.CHECKPOINT_EVERY
                && n < GraphBuilder.CHECKPOINT_EVERY + 10, "objects between checkpoints: " + n));
    }

    /** 4,000 users in 20 lists of 200 that grant 3 roles each: 12,000 effective grants in completion. */
    private static GraphBuilder feed(GraphBuilder builder) {
        builder.roles(List.of(role("a").build(), role("b").build(), role("c").build()));
        List<UserV2> users = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            users.add(user("u" + i, "a").build());
        }
        builder.users(users);
        List<AccessList> lists = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lists.add(accessList("l" + i, "L" + i, "a", "b", "c").build());
        }
        builder.accessLists(lists);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            members.add(member("l" + (i % 20), "u" + i).build());
        }
        builder.members(members);
        return builder;
    }

    /** Counts instead of keeping: the big test measures the builder, not the test's memory. */
    private static final class CountingSink implements GraphSink {
        long entities;
        final Map<Object, Integer> byType = new HashMap<>();
        int longestKey;

        @Override
        public void entity(Map<String, Object> entity) {
            entities++;
            longestKey = Math.max(longestKey, entity.get("_key").toString().length());
        }

        @Override
        public void relationship(Map<String, Object> relationship) {
            byType.merge(relationship.get("_type"), 1, Integer::sum);
            longestKey = Math.max(longestKey, relationship.get("_key").toString().length());
        }
    }
}

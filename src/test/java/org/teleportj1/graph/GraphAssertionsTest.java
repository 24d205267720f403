package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph checker itself must catch what J1 would reject; otherwise every other test is blind. */
class GraphAssertionsTest {

    private static Map<String, Object> user(String key) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("_key", key);
        user.put("_type", "teleport_user");
        user.put("_class", "User");
        user.put("name", "bob");
        user.put("displayName", "bob");
        user.put("username", List.of("bob"));
        user.put("email", null);
        user.put("shortLoginId", null);
        user.put("firstName", null);
        user.put("lastName", null);
        return user;
    }

    private static Map<String, Object> has(String key, String from, String to) {
        Map<String, Object> relationship = new LinkedHashMap<>();
        relationship.put("_key", key);
        relationship.put("_type", "teleport_x_has_y");
        relationship.put("_class", "HAS");
        relationship.put("_fromEntityKey", from);
        relationship.put("_toEntityKey", to);
        relationship.put("displayName", "HAS");
        return relationship;
    }

    @Test
    void acceptsAValidUser() {
        assertEquals(List.of(), GraphAssertions.entityProblems(user("teleport:c:user:bob")));
    }

    @Test
    void rejectsWhatTheDataModelRejects() {
        Map<String, Object> user = user("teleport:c:user:bob");
        user.put("username", "bob"); // must be an array in data-model 0.64
        assertTrue(problems(user).stream().anyMatch(p -> p.contains("username")), problems(user).toString());

        Map<String, Object> noEmail = user("teleport:c:user:bob");
        noEmail.remove("email");
        assertTrue(problems(noEmail).stream().anyMatch(p -> p.contains("email")), problems(noEmail).toString());

        Map<String, Object> badLink = user("teleport:c:user:bob");
        badLink.put("webLink", "not a uri");
        assertTrue(problems(badLink).stream().anyMatch(p -> p.contains("webLink")), problems(badLink).toString());

        Map<String, Object> badEmail = user("teleport:c:user:bob");
        badEmail.put("email", List.of("not-an-email"));
        assertTrue(problems(badEmail).stream().anyMatch(p -> p.contains("email")), problems(badEmail).toString());

        Map<String, Object> shortKey = user("short");
        assertTrue(problems(shortKey).stream().anyMatch(p -> p.contains("_key")), problems(shortKey).toString());

        Map<String, Object> underscore = user("teleport:c:user:bob");
        underscore.put("last_login", 1);
        assertTrue(problems(underscore).stream().anyMatch(p -> p.contains("last_login")),
                problems(underscore).toString());

        Map<String, Object> review = new LinkedHashMap<>(Map.of("_key", "teleport:c:review:1", "_type",
                "teleport_access_list_review", "_class", "Review", "name", "r", "displayName", "r"));
        assertTrue(problems(review).stream().anyMatch(p -> p.contains("title")), problems(review).toString());
    }

    @Test
    void rejectsJ1ValueRuleViolations() {
        Map<String, Object> user = user("teleport:c:user:bob");
        user.put("nested", Map.of("a", 1));
        user.put("mixed", List.of("a", 1));
        user.put("long", "x".repeat(5000));
        user.put("_custom", "x");
        List<String> problems = problems(user);
        for (String expected : List.of("nested", "mixed", "long", "_custom")) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " in " + problems);
        }
        assertTrue(problems(user("x".repeat(1001))).stream().anyMatch(p -> p.contains("_key")));
    }

    @Test
    void findsDuplicateKeysDanglingEndsAndUnknownRelationshipClasses() {
        List<Map<String, Object>> entities = List.of(user("teleport:c:user:bob"), user("teleport:c:user:amy"));
        List<Map<String, Object>> relationships = new ArrayList<>();
        relationships.add(has("teleport:c:user:bob", "teleport:c:user:bob", "teleport:c:user:amy"));
        relationships.add(has("teleport:c:rel:2", "teleport:c:user:bob", "teleport:c:user:gone"));
        Map<String, Object> unknownClass = has("teleport:c:rel:3", "teleport:c:user:bob", "teleport:c:user:amy");
        unknownClass.put("_class", "LIKES");
        relationships.add(unknownClass);
        Map<String, Object> arrayProperty = has("teleport:c:rel:4", "teleport:c:user:bob", "teleport:c:user:amy");
        arrayProperty.put("roles", List.of("a"));
        relationships.add(arrayProperty);

        List<String> problems = GraphAssertions.graphProblems(entities, relationships);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("duplicate key teleport:c:user:bob")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("teleport:c:user:gone")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("LIKES")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("roles")), problems.toString());
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void knowsTheDataModelRelationshipClasses() {
        assertEquals(49, DataModelSchemas.load().relationshipClasses().size());
        assertTrue(DataModelSchemas.load().relationshipClasses().containsAll(List.of("HAS", "ASSIGNED", "OWNS",
                "PERFORMED", "ALLOWS")));
    }

    private static List<String> problems(Map<String, Object> entity) {
        return GraphAssertions.entityProblems(entity);
    }
}

package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The managed questions and alert rules shipped with the product: J1's structure rules, and every
 * query names only {@code _type}s and properties this integration writes.
 */
class ManagedQuestionsTest {
    static final Path QUESTIONS = Path.of("config/jupiterone/questions.yaml");
    static final Path RULE_PACK = Path.of("config/jupiterone/alert-rules/teleport.json");
    /** @jupiterone/jupiterone-alert-rules, downloaded by the build (pom.xml) like the data model. */
    static final Path J1_RULE_PACKS = Path.of("target/jupiterone-alert-rules/package/rule-packs");

    private static final Set<String> RESULTS_ARE = Set.of("BAD", "GOOD", "INFORMATIVE", "UNKNOWN");
    private static final Set<String> ALERT_LEVELS = Set.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Pattern TYPE_TOKEN = Pattern.compile("\\bteleport_[a-z_]+\\b");
    // "FIND <types> ... THAT <VERB> [>>|<<] [AS alias] <types>": the first traversal
    private static final Pattern TRAVERSAL = Pattern.compile(
            "FIND \\(?([A-Za-z_|]+)\\)?.*? THAT (!?[A-Z]+)( >>| <<)?(?: AS \\w+)? \\(?([A-Za-z_|]+)\\)?");
    // "<alias.>property <operator>": the properties a query filters on
    private static final Pattern COMPARED = Pattern.compile("\\b(?:[A-Za-z]+\\.)?([A-Za-z_][A-Za-z0-9]*)\\s*(?:!=|>=|<=|=|>|<)");
    // "alias.property" in RETURN clauses
    private static final Pattern RETURNED = Pattern.compile("\\b[a-z][A-Za-z]*\\.([A-Za-z_][A-Za-z0-9]*)\\b");

    private static Set<String> emittedTypes;
    private static Set<String> emittedProperties;
    private static Map<String, Object> questionFile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        emittedTypes = new HashSet<>();
        Arrays.stream(EntityType.values()).forEach(t -> emittedTypes.add(t.type()));
        Arrays.stream(RelationshipType.values()).forEach(t -> emittedTypes.add(t.type()));
        Arrays.stream(MappedRelationshipType.values()).forEach(t -> emittedTypes.add(t.type()));
        // properties the realistic cluster actually produces
        TeleportFixtures.Run run = TeleportFixtures.run(TeleportFixtures.cluster(), RealisticClusterTest.roles(),
                RealisticClusterTest.users(), RealisticClusterTest.accessLists(), RealisticClusterTest.members(),
                RealisticClusterTest.reviews(), RealisticClusterTest.controls());
        emittedProperties = new HashSet<>();
        run.sink().entities.forEach(e -> emittedProperties.addAll(e.keySet()));
        run.sink().relationships.forEach(r -> emittedProperties.addAll(r.keySet()));
        questionFile = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(QUESTIONS));
    }

    @Test
    @SuppressWarnings("unchecked")
    void questionFileFollowsTheManagedQuestionFormat() {
        assertEquals("managed:teleport", questionFile.get("sourceId"));
        assertEquals("${integration_definition_id}", questionFile.get("integrationDefinitionId"));
        List<Map<String, Object>> questions = (List<Map<String, Object>>) questionFile.get("questions");
        assertTrue(questions.size() >= 8, "one question per topic of docs/jupiterone.md §5");
        Set<Object> ids = new HashSet<>();
        Set<Object> titles = new HashSet<>();
        for (Map<String, Object> question : questions) {
            String id = (String) question.get("id");
            assertTrue(id != null && id.startsWith("integration-question-teleport-"), "id " + id);
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(titles.add(question.get("title")), "duplicate title in " + id);
            assertFalse(((String) question.get("description")).isBlank(), id);
            List<String> tags = (List<String>) question.get("tags");
            assertEquals(tags.size(), new HashSet<>(tags).size(), "duplicate tag in " + id);
            List<Map<String, Object>> queries = (List<Map<String, Object>>) question.get("queries");
            assertFalse(queries.isEmpty(), id);
            Set<Object> names = new HashSet<>();
            for (Map<String, Object> query : queries) {
                assertTrue(names.add(query.get("name")), "duplicate query name in " + id);
                Object resultsAre = query.get("resultsAre");
                assertTrue(resultsAre == null || RESULTS_ARE.contains(resultsAre), id + ": resultsAre " + resultsAre);
                Object includeDeleted = query.get("includeDeleted");
                assertTrue(includeDeleted == null || includeDeleted instanceof Boolean, id);
                assertQueryIsSane(id, (String) query.get("query"));
            }
        }
    }

    @Test
    void theRulePackHasTheShapeOfJupiterOnesOwnPacks() throws IOException {
        JsonNode pack = new ObjectMapper().readTree(RULE_PACK.toFile());
        Set<String> ruleKeys = new HashSet<>();
        Set<String> queryKeys = new HashSet<>();
        int rules = 0;
        try (Stream<Path> files = Files.list(J1_RULE_PACKS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode j1Pack = new ObjectMapper().readTree(file.toFile());
                assertTrue(j1Pack.isArray(), file + ": J1's packs are arrays of rules");
                for (JsonNode rule : j1Pack) {
                    rules++;
                    rule.fieldNames().forEachRemaining(ruleKeys::add);
                    rule.path("queries").forEach(query -> query.fieldNames().forEachRemaining(queryKeys::add));
                }
            }
        }
        assertTrue(rules > 0, "J1's rule packs were downloaded to " + J1_RULE_PACKS);
        // what J1's client provisions a pack with: its defaults test this query's total
        String defaults = Files.readString(J1_RULE_PACKS.resolveSibling("index.js"));
        Matcher tested = Pattern.compile("queries\\.(\\w+)\\.total").matcher(defaults);
        assertTrue(tested.find(), "the package's default alert settings name the query they test");
        String testedQuery = tested.group(1);

        assertTrue(pack.isArray() && pack.size() > 0, RULE_PACK + " is an array of rules, as J1's packs are");
        Set<String> names = new HashSet<>();
        for (JsonNode rule : pack) {
            String name = rule.path("name").asText();
            assertTrue(name.length() >= 1 && name.length() <= 255, name);
            assertTrue(names.add(name), "duplicate rule name " + name);
            rule.fieldNames().forEachRemaining(key -> assertTrue(ruleKeys.contains(key),
                    name + ": '" + key + "' is no field of J1's rule packs " + ruleKeys));
            assertFalse(rule.path("description").asText().isBlank(), name);
            assertTrue(ALERT_LEVELS.contains(rule.path("alertLevel").asText()), name);
            JsonNode queries = rule.path("queries");
            assertTrue(queries.isArray() && queries.size() > 0, name);
            boolean testedPresent = false;
            for (JsonNode query : queries) {
                query.fieldNames().forEachRemaining(key -> assertTrue(queryKeys.contains(key),
                        name + ": query field '" + key + "' is not used by J1's packs " + queryKeys));
                assertEquals("v1", query.path("version").asText(), name);
                assertQueryIsSane(name, query.path("query").asText());
                testedPresent |= testedQuery.equals(query.path("name").asText());
            }
            assertTrue(testedPresent, name + ": the default alert condition tests queries." + testedQuery);
        }
    }

    @Test
    void everyRuleAsksTheFirstQueryOfAShippedQuestion() throws IOException {
        List<String> questions = firstQueries().stream().map(ManagedQuestionsTest::normalise).toList();
        JsonNode pack = new ObjectMapper().readTree(RULE_PACK.toFile());
        List<String> asked = new ArrayList<>();
        for (JsonNode rule : pack) {
            String query = normalise(rule.path("queries").path(0).path("query").asText());
            assertTrue(questions.contains(query), rule.path("name").asText() + " asks no question's query: " + query);
            asked.add(query);
        }
        for (String topic : List.of("reviewOverdue", "membership.expired", "superAdmin = true AS role RETURN user",
                "isBot = true", "locked = true", "inForce = true", "teleport_bot_instance", "teleport_idp_group")) {
            assertTrue(asked.stream().anyMatch(q -> q.contains(topic)), "no alert rule about " + topic);
        }
    }

    @Test
    void aTypeJoinedToItselfIsTraversedInOneDirection() {
        for (String query : allQueries()) {
            assertEquals(List.of(), undirectedSelfJoins(normalise(query)), query);
        }
        assertEquals(1, undirectedSelfJoins("FIND teleport_role AS a THAT ALLOWS AS e teleport_role").size(),
                "the check finds an undirected self-join");
        assertEquals(0, undirectedSelfJoins("FIND teleport_role AS a THAT ALLOWS >> AS e teleport_role").size());
    }

    /** The first traversal of a query when both ends can be the same _type and no >> or << is given. */
    private static List<String> undirectedSelfJoins(String query) {
        Matcher traversal = TRAVERSAL.matcher(query);
        if (!traversal.find() || traversal.group(3) != null) {
            return List.of();
        }
        Set<String> from = Set.of(traversal.group(1).split("\\|"));
        return Arrays.stream(traversal.group(4).split("\\|")).filter(from::contains).toList();
    }

    @Test
    void theSanityCheckCatchesBrokenQueries() {
        for (String broken : List.of("find teleport_usr", "FIND teleport_user WITH name = \"x",
                "FIND (teleport_user|teleport_role", "FIND teleport_user WITH lastLogin = 1",
                "SELECT * FROM teleport_user")) {
            assertFalse(saneProblems(broken).isEmpty(), broken);
        }
        assertEquals(List.of(), saneProblems("FIND teleport_user WITH active = false AS u RETURN u.name"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> allQueries() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> question : (List<Map<String, Object>>) questionFile.get("questions")) {
            ((List<Map<String, Object>>) question.get("queries")).forEach(q -> out.add((String) q.get("query")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> firstQueries() {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> question : (List<Map<String, Object>>) questionFile.get("questions")) {
            out.add((String) ((List<Map<String, Object>>) question.get("queries")).get(0).get("query"));
        }
        return out;
    }

    private static String normalise(String query) {
        return query.strip().replaceAll("\\s+", " ");
    }

    private static void assertQueryIsSane(String where, String query) {
        assertNotNull(query, where);
        assertInstanceOf(String.class, query, where);
        assertEquals(List.of(), saneProblems(query), where + ": " + query);
    }

    /** Syntax-level J1QL sanity plus: every type and property named is one this integration writes. */
    static List<String> saneProblems(String query) {
        List<String> problems = new ArrayList<>();
        String text = query.strip();
        if (!text.startsWith("FIND ")) {
            problems.add("does not start with FIND");
        }
        if (text.chars().filter(c -> c == '"').count() % 2 != 0 || text.chars().filter(c -> c == '\'').count() % 2 != 0) {
            problems.add("unbalanced quotes");
        }
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                break;
            }
        }
        if (depth != 0) {
            problems.add("unbalanced parentheses");
        }
        String unquoted = text.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"")
                // a traversal's direction is no comparison
                .replaceAll(" (>>|<<) ", " ");
        Matcher types = TYPE_TOKEN.matcher(unquoted);
        boolean anyType = false;
        while (types.find()) {
            anyType = true;
            if (!emittedTypes.contains(types.group())) {
                problems.add("unknown _type " + types.group());
            }
        }
        if (!anyType) {
            problems.add("names no teleport _type");
        }
        for (Pattern pattern : List.of(COMPARED, RETURNED)) {
            Matcher properties = pattern.matcher(unquoted);
            while (properties.find()) {
                String property = properties.group(1);
                if (!property.startsWith("_") && !property.equals("now") && !emittedProperties.contains(property)) {
                    problems.add("property " + property + " is never written");
                }
            }
        }
        return problems;
    }
}

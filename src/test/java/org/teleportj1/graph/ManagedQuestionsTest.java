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
    static final Path ALERT_RULES = Path.of("config/jupiterone/alert-rules");

    private static final Set<String> RESULTS_ARE = Set.of("BAD", "GOOD", "INFORMATIVE", "UNKNOWN");
    private static final Set<String> POLLING = Set.of("DISABLED", "THIRTY_MINUTES", "ONE_HOUR", "FOUR_HOURS",
            "EIGHT_HOURS", "TWELVE_HOURS", "ONE_DAY", "ONE_WEEK");
    private static final Set<String> ALERT_LEVELS = Set.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    private static final Pattern TYPE_TOKEN = Pattern.compile("\\bteleport_[a-z_]+\\b");
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
        // properties the realistic cluster actually produces
        TeleportFixtures.Run run = TeleportFixtures.run(RealisticClusterTest.roles(), RealisticClusterTest.users(),
                RealisticClusterTest.accessLists(), RealisticClusterTest.members(), RealisticClusterTest.reviews());
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
    void alertRulesCoverTheFirstFourQuestionsWithTheSameQueries() throws IOException {
        List<String> firstFour = firstQueries().subList(0, 4);
        List<String> ruleQueries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(ALERT_RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode rule = new ObjectMapper().readTree(file.toFile());
                String name = rule.path("name").asText();
                assertTrue(name.length() >= 1 && name.length() <= 255, file.toString());
                assertTrue(names.add(name), "duplicate rule name " + name);
                assertFalse(rule.path("description").asText().isBlank(), file.toString());
                assertEquals("v1", rule.path("version").asText(), file.toString());
                assertTrue(POLLING.contains(rule.path("pollingInterval").asText()), file.toString());
                JsonNode queries = rule.path("question").path("queries");
                assertTrue(queries.isArray() && queries.size() > 0, file.toString());
                Set<String> queryNames = new HashSet<>();
                for (JsonNode query : queries) {
                    assertTrue(queryNames.add(query.path("name").asText()), file.toString());
                    assertEquals("v1", query.path("version").asText(), file.toString());
                    assertQueryIsSane(file.toString(), query.path("query").asText());
                    ruleQueries.add(query.path("query").asText());
                }
                JsonNode operation = rule.path("operations").path(0);
                assertEquals("FILTER", operation.path("when").path("type").asText(), file.toString());
                String condition = operation.path("when").path("condition").toString();
                assertTrue(queryNames.stream().anyMatch(q -> condition.contains("queries." + q + ".total")),
                        file + ": the condition must test one of the rule's queries");
                List<String> actions = new ArrayList<>();
                operation.path("actions").forEach(a -> actions.add(a.path("type").asText()));
                assertTrue(actions.contains("CREATE_ALERT"), file.toString());
                operation.path("actions").forEach(a -> {
                    if ("alertLevel".equals(a.path("targetProperty").asText())) {
                        assertTrue(ALERT_LEVELS.contains(a.path("targetValue").asText()), file.toString());
                    }
                });
            }
        }
        assertEquals(4, names.size());
        assertEquals(firstFour.stream().map(ManagedQuestionsTest::normalise).sorted().toList(),
                ruleQueries.stream().map(ManagedQuestionsTest::normalise).sorted().toList());
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
        String unquoted = text.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"");
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

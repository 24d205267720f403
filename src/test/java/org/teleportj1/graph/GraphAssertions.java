package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole graph the way J1 would take it: every entity against the data-model schema of each
 * of its classes, J1's property rules for entities and relationships, relationship classes from
 * the data model, keys unique across entities and relationships, and both ends of every
 * relationship present. Reusable for any graph given as maps (mapper output or parsed dry-run
 * JSON).
 */
public final class GraphAssertions {
    /** Limits of docs/jupiterone-api.md §3 and docs/jupiterone.md §2–§4. */
    public static final int MAX_KEY_LENGTH = 1000;
    public static final int MIN_KEY_LENGTH = 10;
    public static final int MAX_STRING_LENGTH = 4096;

    private static final Pattern PROPERTY_NAME = Pattern.compile("^(_|tag\\.)?[A-Za-z0-9. -]+$");
    private static final Set<String> ENTITY_SYSTEM = Set.of("_key", "_type", "_class", "_rawData");
    private static final Set<String> RELATIONSHIP_SYSTEM = Set.of("_key", "_type", "_class", "_fromEntityKey",
            "_toEntityKey");
    /** A mapped relationship names its ends in {@code _mapping} (docs/jupiterone-api.md §3.1). */
    private static final Set<String> MAPPED_SYSTEM = Set.of("_key", "_type", "_class", "_mapping");
    private static final int MAX_REPORTED = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphAssertions() {
    }

    /** Fails with the first problems found, if any. */
    public static void assertValidGraph(Collection<? extends Map<String, ?>> entities,
                                        Collection<? extends Map<String, ?>> relationships) {
        List<String> problems = graphProblems(entities, relationships);
        if (!problems.isEmpty()) {
            fail(problems.size() + " graph problems:\n  " + String.join("\n  ",
                    problems.subList(0, Math.min(MAX_REPORTED, problems.size()))));
        }
    }

    /** Fails when the entity breaks a rule. */
    public static void assertValidEntity(Map<String, ?> entity) {
        List<String> problems = entityProblems(entity);
        if (!problems.isEmpty()) {
            fail("invalid entity " + entity.get("_key") + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** Every problem of the graph; empty when J1 would accept it. */
    public static List<String> graphProblems(Collection<? extends Map<String, ?>> entities,
                                             Collection<? extends Map<String, ?>> relationships) {
        List<String> problems = new ArrayList<>();
        Set<Object> entityKeys = new HashSet<>();
        Set<Object> allKeys = new HashSet<>();
        for (Map<String, ?> entity : entities) {
            problems.addAll(entityProblems(entity));
            entityKeys.add(entity.get("_key"));
            if (!allKeys.add(entity.get("_key"))) {
                problems.add("duplicate key " + entity.get("_key"));
            }
        }
        for (Map<String, ?> relationship : relationships) {
            problems.addAll(relationshipProblems(relationship));
            if (!allKeys.add(relationship.get("_key"))) {
                problems.add("duplicate key " + relationship.get("_key"));
            }
            if (relationship.containsKey("_mapping")) {
                // the target lives in another integration; our end must be here
                Object source = ((Map<?, ?>) relationship.get("_mapping")).get("sourceEntityKey");
                if (!entityKeys.contains(source)) {
                    problems.add("mapped relationship " + relationship.get("_key") + " has no source entity " + source);
                }
                continue;
            }
            for (String end : List.of("_fromEntityKey", "_toEntityKey")) {
                if (!entityKeys.contains(relationship.get(end))) {
                    problems.add("relationship " + relationship.get("_key") + " dangles: no entity "
                            + relationship.get(end) + " (" + end + ")");
                }
            }
        }
        return problems;
    }

    /** Problems of one entity: data-model schema of each class plus J1's value rules. */
    public static List<String> entityProblems(Map<String, ?> entity) {
        String key = String.valueOf(entity.get("_key"));
        List<String> problems = new ArrayList<>(commonProblems(entity, ENTITY_SYSTEM, true));
        Object classes = entity.get("_class");
        List<?> classList = classes instanceof List<?> list ? list : classes == null ? List.of() : List.of(classes);
        if (classList.isEmpty()) {
            problems.add(key + ": no _class");
        }
        DataModelSchemas schemas = DataModelSchemas.load();
        for (Object entityClass : classList) {
            if (!schemas.hasClass(String.valueOf(entityClass))) {
                problems.add(key + ": _class " + entityClass + " is not a data-model class");
                continue;
            }
            for (String message : schemas.validate(String.valueOf(entityClass), JSON.valueToTree(entity))) {
                problems.add(key + " (" + entityClass + "): " + message);
            }
        }
        return problems;
    }

    /** Problems of one relationship, without looking at the other objects of the graph. */
    public static List<String> relationshipProblems(Map<String, ?> relationship) {
        String key = String.valueOf(relationship.get("_key"));
        boolean mapped = relationship.containsKey("_mapping");
        Set<String> system = mapped ? MAPPED_SYSTEM : RELATIONSHIP_SYSTEM;
        Map<String, Object> plain = new java.util.LinkedHashMap<>(relationship);
        plain.remove("_mapping");
        List<String> problems = new ArrayList<>(commonProblems(plain, system, false));
        if (mapped) {
            problems.addAll(mappingProblems(key, relationship.get("_mapping")));
        }
        for (String required : system) {
            if (required.equals("_mapping")) {
                continue;
            }
            if (!(relationship.get(required) instanceof String)) {
                problems.add(key + ": missing " + required);
            }
        }
        Object relationshipClass = relationship.get("_class");
        if (!DataModelSchemas.load().relationshipClasses().contains(relationshipClass)) {
            problems.add(key + ": _class " + relationshipClass + " is not a J1 relationship class");
        }
        return problems;
    }

    /** J1's mapping shape: direction, source key, filter keys each present on the target entity. */
    private static List<String> mappingProblems(String key, Object value) {
        List<String> problems = new ArrayList<>();
        if (!(value instanceof Map<?, ?> mapping)) {
            return List.of(key + ": _mapping must be an object");
        }
        if (!List.of("FORWARD", "REVERSE").contains(mapping.get("relationshipDirection"))) {
            problems.add(key + ": relationshipDirection must be FORWARD or REVERSE");
        }
        if (!(mapping.get("sourceEntityKey") instanceof String)) {
            problems.add(key + ": _mapping.sourceEntityKey must be a string");
        }
        if (!(mapping.get("targetEntity") instanceof Map<?, ?> target) || target.isEmpty()) {
            problems.add(key + ": _mapping.targetEntity must be a non-empty object");
            return problems;
        }
        for (Map.Entry<?, ?> property : target.entrySet()) {
            String problem = valueProblem(property.getValue(), false);
            if (problem != null) {
                problems.add(key + ": targetEntity." + property.getKey() + " " + problem);
            }
        }
        if (!(mapping.get("targetFilterKeys") instanceof List<?> filters) || filters.isEmpty()) {
            problems.add(key + ": _mapping.targetFilterKeys must be a non-empty list of key lists");
        } else {
            for (Object filter : filters) {
                if (!(filter instanceof List<?> keys) || keys.isEmpty() || !target.keySet().containsAll(keys)) {
                    problems.add(key + ": filter " + filter + " names properties the target entity lacks");
                }
            }
        }
        Object skip = mapping.get("skipTargetCreation");
        if (skip != null && !(skip instanceof Boolean)) {
            problems.add(key + ": skipTargetCreation must be a boolean");
        }
        return problems;
    }

    private static List<String> commonProblems(Map<String, ?> object, Set<String> system, boolean arraysAllowed) {
        List<String> problems = new ArrayList<>();
        Object keyValue = object.get("_key");
        String key = String.valueOf(keyValue);
        if (!(keyValue instanceof String text) || text.length() < MIN_KEY_LENGTH || text.length() > MAX_KEY_LENGTH) {
            problems.add(abbreviate(key) + ": _key must be a string of " + MIN_KEY_LENGTH + ".." + MAX_KEY_LENGTH
                    + " characters");
        }
        if (!(object.get("_type") instanceof String type) || type.length() < 3) {
            problems.add(key + ": _type must be a string of at least 3 characters");
        }
        for (Map.Entry<String, ?> property : object.entrySet()) {
            String name = property.getKey();
            if (!PROPERTY_NAME.matcher(name).matches()) {
                problems.add(key + ": property name " + name + " breaks " + PROPERTY_NAME);
            }
            if (name.startsWith("_") && !system.contains(name)) {
                problems.add(key + ": custom property " + name + " starts with _");
            }
            if (!name.equals("_rawData")) {
                String valueProblem = valueProblem(property.getValue(), arraysAllowed || name.equals("_class"));
                if (valueProblem != null) {
                    problems.add(key + ": property " + name + " " + valueProblem);
                }
            }
        }
        return problems;
    }

    private static String valueProblem(Object value, boolean arraysAllowed) {
        if (value instanceof List<?> list) {
            if (!arraysAllowed) {
                return "is an array (relationship properties must be primitives)";
            }
            Class<?> kind = null;
            for (Object element : list) {
                String problem = valueProblem(element, false);
                if (element == null || problem != null) {
                    return "has an invalid array element " + element;
                }
                Class<?> elementKind = element instanceof Number ? Number.class : element.getClass();
                if (kind != null && kind != elementKind) {
                    return "is a mixed array";
                }
                kind = elementKind;
            }
            return null;
        }
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return null;
        }
        if (value instanceof String text) {
            return text.length() > MAX_STRING_LENGTH ? "is longer than " + MAX_STRING_LENGTH + " characters" : null;
        }
        return "has unsupported type " + value.getClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}

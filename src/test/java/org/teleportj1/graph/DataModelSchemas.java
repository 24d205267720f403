package org.teleportj1.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code @jupiterone/data-model} package (downloaded into {@code target/} by the build) as a
 * draft-07 validator per class. The package's schemas name each other by fragment-only ids
 * ({@code "$ref": "#Entity"}), which J1 resolves by registering every file under its {@code $id};
 * here each class schema is made self-contained by inlining those references once. The
 * non-standard {@code deprecated} keyword is dropped; formats are asserted (J1 checks
 * {@code uri} and {@code email}).
 */
public final class DataModelSchemas {
    /** Directory of the unpacked package's {@code dist}; override with {@code -Dj1.dataModel.dir}. */
    public static final Path DIST = Path.of(System.getProperty("j1.dataModel.dir",
            "target/jupiterone-data-model/package/dist"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DataModelSchemas instance;

    private final Map<String, JsonNode> byId = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Set<String> relationshipClasses;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    private DataModelSchemas(Path dist) {
        Path classSchemas = dist.resolve("class_schemas");
        if (!Files.isDirectory(classSchemas)) {
            throw new IllegalStateException("J1 data-model schemas not found at " + classSchemas.toAbsolutePath()
                    + ": run the Maven test phase (it downloads @jupiterone/data-model) or set -Dj1.dataModel.dir");
        }
        try (Stream<Path> files = Files.list(classSchemas)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode schema = JSON.readTree(file.toFile());
                byId.put(schema.path("$id").asText(), schema);
            }
            relationshipClasses = parseRelationshipClasses(Files.readString(dist.resolve("RelationshipClass.js")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized DataModelSchemas load() {
        if (instance == null) {
            instance = new DataModelSchemas(DIST);
        }
        return instance;
    }

    /** Whether the data model has a class of this name. */
    public boolean hasClass(String entityClass) {
        return byId.containsKey("#" + entityClass);
    }

    /** The 49 relationship classes of {@code RelationshipClass.js}. */
    public Set<String> relationshipClasses() {
        return relationshipClasses;
    }

    /** Validation messages for the object against the class schema (empty when valid). */
    public List<String> validate(String entityClass, JsonNode object) {
        JsonSchema schema = compiled.computeIfAbsent(entityClass, this::compile);
        Set<ValidationMessage> messages = schema.validate(object);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private JsonSchema compile(String entityClass) {
        JsonNode root = byId.get("#" + entityClass);
        if (root == null) {
            throw new IllegalArgumentException("no data-model class " + entityClass);
        }
        JsonNode inlined = inline(root.deepCopy(), new LinkedHashSet<>());
        ((ObjectNode) inlined).remove("$id");
        return factory.getSchema(inlined, config);
    }

    private JsonNode inline(JsonNode node, Set<String> path) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && byId.containsKey(ref.asText()) && object.size() == 1) {
                if (!path.add(ref.asText())) {
                    throw new IllegalStateException("circular $ref " + path);
                }
                ObjectNode target = (ObjectNode) inline(byId.get(ref.asText()).deepCopy(), path);
                path.remove(ref.asText());
                target.remove("$id");
                target.remove("$schema");
                return target;
            }
            JsonNode deprecated = object.get("deprecated");
            if (deprecated != null && deprecated.isBoolean()) {
                object.remove("deprecated");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(inline(field.getValue(), path));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, inline(array.get(i), path));
            }
        }
        return node;
    }

    private static Set<String> parseRelationshipClasses(String source) {
        Set<String> classes = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("RelationshipClass\\[\"([A-Z_]+)\"] = \"([A-Z_]+)\"").matcher(source);
        while (matcher.find()) {
            classes.add(matcher.group(2));
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no relationship classes found in RelationshipClass.js");
        }
        return Set.copyOf(classes);
    }
}

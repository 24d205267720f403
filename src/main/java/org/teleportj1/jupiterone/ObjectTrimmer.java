package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shrinks one graph object that J1 refused even alone (HTTP 413): halves its largest string
 * values (or string lists) until it is at most the target size. Keys, types, classes and names
 * are never touched, so the object still lands on the same graph node.
 */
public final class ObjectTrimmer {
    /** Marks a trimmed value, so a reader in J1 can tell. */
    static final String MARK = "...[trimmed]";
    private static final int SHORTEST_TRIMMABLE = 64;
    private static final Set<String> KEPT = Set.of("name", "displayName");

    private final ObjectMapper json;

    public ObjectTrimmer(ObjectMapper json) {
        this.json = json;
    }

    /** The trimmed object and the properties trimmed; {@code trimmed} is empty when nothing could be trimmed. */
    public record Result(byte[] serialized, Set<String> trimmed) {
    }

    public Result trim(byte[] serialized, long targetBytes) {
        try {
            ObjectNode object = (ObjectNode) json.readTree(serialized);
            Set<String> trimmed = new LinkedHashSet<>();
            byte[] current = serialized;
            while (current.length > targetBytes) {
                String largest = largestTrimmable(object);
                if (largest == null) {
                    break;
                }
                halve(object, largest);
                trimmed.add(largest);
                current = json.writeValueAsBytes(object);
            }
            return new Result(current, trimmed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot trim a graph object: " + e.getMessage(), e);
        }
    }

    private static String largestTrimmable(ObjectNode object) {
        String largest = null;
        long largestSize = SHORTEST_TRIMMABLE;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith("_") || KEPT.contains(field.getKey())) {
                continue;
            }
            long size = size(field.getValue());
            if (size > largestSize) {
                largest = field.getKey();
                largestSize = size;
            }
        }
        return largest;
    }

    private static long size(JsonNode value) {
        if (value.isTextual()) {
            return value.asText().length();
        }
        if (value.isArray() && value.size() > 1) {
            long total = 0;
            for (JsonNode element : value) {
                total += element.isTextual() ? element.asText().length() : 8;
            }
            return total;
        }
        return 0;
    }

    private static void halve(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value.isTextual()) {
            String text = value.asText();
            object.put(field, text.substring(0, text.length() / 2) + MARK);
        } else {
            ArrayNode array = (ArrayNode) value;
            List<JsonNode> kept = new ArrayList<>();
            for (int i = 0; i < array.size() / 2; i++) {
                kept.add(array.get(i));
            }
            array.removeAll();
            array.addAll(kept);
        }
    }
}

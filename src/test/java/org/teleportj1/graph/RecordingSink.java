package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A sink that keeps everything, with look-ups for assertions. */
public final class RecordingSink implements GraphSink {
    public final List<Map<String, Object>> entities = new ArrayList<>();
    public final List<Map<String, Object>> relationships = new ArrayList<>();

    @Override
    public void entity(Map<String, Object> entity) {
        entities.add(entity);
    }

    @Override
    public void relationship(Map<String, Object> relationship) {
        relationships.add(relationship);
    }

    public List<Map<String, Object>> entitiesOfType(String type) {
        return entities.stream().filter(e -> type.equals(e.get("_type"))).toList();
    }

    public List<Map<String, Object>> relationshipsOfType(String type) {
        return relationships.stream().filter(r -> type.equals(r.get("_type"))).toList();
    }

    /** The entity with this key; fails when there is none. */
    public Map<String, Object> entity(String key) {
        return entities.stream().filter(e -> key.equals(e.get("_key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + key));
    }

    /** Relationships of a type between two keys (either may be null for "any"). */
    public List<Map<String, Object>> relationships(String type, String fromKey, String toKey) {
        return relationships.stream()
                .filter(r -> type.equals(r.get("_type")))
                .filter(r -> fromKey == null || Objects.equals(fromKey, r.get("_fromEntityKey")))
                .filter(r -> toKey == null || Objects.equals(toKey, r.get("_toEntityKey")))
                .toList();
    }

    /** All {@code _type}s emitted, entities and relationships. */
    public Set<String> types() {
        Set<String> types = new TreeSet<>();
        entities.forEach(e -> types.add((String) e.get("_type")));
        relationships.forEach(r -> types.add((String) r.get("_type")));
        return types;
    }

    public void assertValid() {
        GraphAssertions.assertValidGraph(entities, relationships);
    }
}

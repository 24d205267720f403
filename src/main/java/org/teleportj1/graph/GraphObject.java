package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one J1 entity or relationship map and enforces J1's value rules on every property as it
 * is set: names match {@link PropertyRules#NAME}, values are primitives or homogeneous lists of
 * primitives (entities only), strings are cut to the configured length. A violation is a bug in a
 * mapper, so it throws.
 */
public final class GraphObject {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final boolean relationship;
    private final int maxStringLength;

    private GraphObject(boolean relationship, int maxStringLength) {
        this.relationship = relationship;
        this.maxStringLength = maxStringLength;
    }

    static GraphObject entity(EntityType type, String key, String name, String displayName, int maxStringLength) {
        GraphObject object = new GraphObject(false, maxStringLength);
        object.properties.put("_key", key);
        object.properties.put("_type", type.type());
        object.properties.put("_class", type.entityClass());
        object.put("name", name == null ? "" : name);
        object.put("displayName", displayName == null || displayName.isBlank() ? object.properties.get("name") : displayName);
        return object;
    }

    static GraphObject relationship(RelationshipType type, String key, String fromKey, String toKey,
                                    int maxStringLength) {
        GraphObject object = new GraphObject(true, maxStringLength);
        object.properties.put("_key", key);
        object.properties.put("_type", type.type());
        object.properties.put("_class", type.relationshipClass());
        object.properties.put("_fromEntityKey", fromKey);
        object.properties.put("_toEntityKey", toKey);
        object.put("displayName", type.relationshipClass());
        return object;
    }

    /**
     * A mapped relationship: J1's mapper finds the target by {@code filter} (never creates it) and
     * draws the edge between it and {@code sourceKey} in {@link MappedRelationshipType#DIRECTION}.
     */
    static GraphObject mappedRelationship(MappedRelationshipType type, String key, String sourceKey,
                                          Map<String, Object> targetEntity, int maxStringLength) {
        GraphObject object = new GraphObject(true, maxStringLength);
        object.properties.put("_key", key);
        object.properties.put("_type", type.type());
        object.properties.put("_class", type.relationshipClass());
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("relationshipDirection", MappedRelationshipType.DIRECTION);
        mapping.put("sourceEntityKey", sourceKey);
        mapping.put("targetFilterKeys", List.of(type.filterKeys()));
        // a copy that keeps the caller's order: Map.copyOf's order changes from JVM to JVM
        mapping.put("targetEntity", Collections.unmodifiableMap(new LinkedHashMap<>(targetEntity)));
        mapping.put("skipTargetCreation", true);
        object.properties.put("_mapping", mapping);
        object.put("displayName", type.relationshipClass());
        return object;
    }

    /** Sets a property; a null value leaves the property out. */
    public GraphObject put(String name, Object value) {
        if (value != null) {
            properties.put(checkedName(name), normalise(name, value));
        }
        return this;
    }

    /** Sets a property that must be present even when null (schema-required, e.g. User.email). */
    public GraphObject putNullable(String name, Object value) {
        properties.put(checkedName(name), value == null ? null : normalise(name, value));
        return this;
    }

    /** Sets a list property only when the list has elements. */
    public GraphObject putNonEmpty(String name, Collection<?> values) {
        if (values != null && !values.isEmpty()) {
            put(name, values);
        }
        return this;
    }

    public Map<String, Object> toMap() {
        return properties;
    }

    private static String checkedName(String name) {
        if (!PropertyRules.isValidName(name) || name.startsWith("_")) {
            throw new IllegalArgumentException("not a valid J1 custom property name: " + name);
        }
        return name;
    }

    private Object normalise(String name, Object value) {
        if (value instanceof Collection<?> values) {
            if (relationship) {
                throw new IllegalArgumentException("relationship property " + name + " must be a primitive");
            }
            return normaliseList(name, values);
        }
        return primitive(name, value);
    }

    private List<Object> normaliseList(String name, Collection<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        Class<?> kind = null;
        for (Object element : values) {
            if (element == null) {
                continue;
            }
            Object primitive = primitive(name, element);
            Class<?> elementKind = primitive instanceof Number ? Number.class : primitive.getClass();
            if (kind != null && kind != elementKind) {
                throw new IllegalArgumentException("list property " + name + " mixes " + kind.getSimpleName()
                        + " and " + elementKind.getSimpleName());
            }
            kind = elementKind;
            out.add(primitive);
        }
        return List.copyOf(out);
    }

    private Object primitive(String name, Object value) {
        if (value instanceof String text) {
            return PropertyRules.truncate(text, maxStringLength);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        throw new IllegalArgumentException("property " + name + " has unsupported value type "
                + value.getClass().getName());
    }
}

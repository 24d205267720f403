package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entities and relationships one mapper call produced, in emission order. */
public final class GraphFragment {
    private final List<Map<String, Object>> entities = new ArrayList<>();
    private final List<Map<String, Object>> relationships = new ArrayList<>();

    GraphFragment entity(GraphObject entity) {
        entities.add(entity.toMap());
        return this;
    }

    GraphFragment relationship(GraphObject relationship) {
        relationships.add(relationship.toMap());
        return this;
    }

    public List<Map<String, Object>> entities() {
        return entities;
    }

    public List<Map<String, Object>> relationships() {
        return relationships;
    }

    /** Hands everything to the sink, entities first. */
    public void sendTo(GraphSink sink) {
        entities.forEach(sink::entity);
        relationships.forEach(sink::relationship);
    }
}

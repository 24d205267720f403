package org.teleportj1.graph;

import java.util.Map;

/** Receives graph objects as the mappers produce them. Values are J1 property values. */
public interface GraphSink {
    void entity(Map<String, Object> entity);

    void relationship(Map<String, Object> relationship);
}

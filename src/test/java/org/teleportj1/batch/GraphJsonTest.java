package org.teleportj1.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesWhatTheObjectMapperWrites() throws Exception {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("_key", "teleport:c:user:ünïcødé \"quoted\" \\ back\nslash\t\u0001 €𝄞");
        entity.put("_type", "teleport_user");
        entity.put("active", true);
        entity.put("locked", false);
        entity.put("count", 42);
        entity.put("createdOn", 1_733_011_200_123L);
        entity.put("ratio", 0.1);
        entity.put("big", 1.0e21);
        entity.put("negative", -0.0);
        entity.put("email", null);
        entity.put("roles", List.of("access", "editor"));
        entity.put("none", List.of());
        entity.put("numbers", List.of(1L, 2L));
        entity.put("withNull", Arrays.asList("a", null));
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("relationshipDirection", "REVERSE");
        mapping.put("targetFilterKeys", List.of(List.of("_type", "displayName")));
        mapping.put("targetEntity", Map.of("_class", "UserGroup"));
        mapping.put("skipTargetCreation", true);
        entity.put("_mapping", mapping);
        assertArrayEquals(MAPPER.writeValueAsBytes(entity), GraphJson.bytes(entity));
    }

    @Test
    void writesLargeObjectsWhole() throws Exception {
        Map<String, Object> entity = new LinkedHashMap<>();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add("trait-value-" + i);
        }
        entity.put("_key", "k");
        entity.put("traits", many);
        assertArrayEquals(MAPPER.writeValueAsBytes(entity), GraphJson.bytes(entity));
    }

    @Test
    void refusesValuesThatAreNotJsonPrimitives() {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("_key", "k");
        entity.put("when", java.time.Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> GraphJson.bytes(entity));
    }
}

package org.teleportj1.jupiterone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectTrimmerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectTrimmer trimmer = new ObjectTrimmer(JSON);

    @Test
    void halvesTheLargestValuesUntilTheObjectFitsAndKeepsIdentity() throws Exception {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("_key", "teleport:c:user:" + "k".repeat(200));
        user.put("_type", "teleport_user");
        user.put("_class", "User");
        user.put("name", "n".repeat(300));
        user.put("description", "d".repeat(20_000));
        user.put("traitProjects", List.of("p".repeat(3000), "q".repeat(3000), "r".repeat(3000)));
        user.put("active", true);
        byte[] serialized = JSON.writeValueAsBytes(user);

        ObjectTrimmer.Result result = trimmer.trim(serialized, serialized.length / 2);

        assertTrue(result.serialized().length <= serialized.length / 2, result.serialized().length + " bytes");
        assertEquals(Set.of("description"), result.trimmed());
        JsonNode trimmed = JSON.readTree(result.serialized());
        assertEquals(user.get("_key"), trimmed.path("_key").asText());
        assertEquals(user.get("name"), trimmed.path("name").asText());
        assertTrue(trimmed.path("description").asText().endsWith(ObjectTrimmer.MARK));

        ObjectTrimmer.Result smaller = trimmer.trim(result.serialized(), 2000);
        assertTrue(smaller.trimmed().contains("traitProjects"), smaller.trimmed().toString());
    }

    @Test
    void saysSoWhenNothingIsLeftToTrim() throws Exception {
        byte[] small = JSON.writeValueAsBytes(Map.of("_key", "teleport:c:role:x".repeat(50), "_type", "teleport_role",
                "_class", "AccessRole", "name", "x"));
        ObjectTrimmer.Result result = trimmer.trim(small, 10);
        assertTrue(result.trimmed().isEmpty());
        assertEquals(small.length, result.serialized().length);
    }
}

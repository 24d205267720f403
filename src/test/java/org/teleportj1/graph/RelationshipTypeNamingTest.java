package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every relationship {@code _type} is the one the JupiterOne SDK's naming rule generates from its
 * ends and class (docs/jupiterone-api.md §3.2): the from-type, the class in lower case, then the
 * to-type without the leading parts it shares with the from-type, but never without its last part.
 */
class RelationshipTypeNamingTest {

    /** The rule, written from its description in docs/jupiterone-api.md. */
    static String sdkType(String relationshipClass, String from, String to) {
        List<String> fromParts = List.of(from.split("_"));
        List<String> toParts = List.of(to.split("_"));
        int shared = 0;
        while (shared < toParts.size() - 1 && shared < fromParts.size() && toParts.get(shared).equals(fromParts.get(shared))) {
            shared++;
        }
        return from + "_" + relationshipClass.toLowerCase(Locale.ROOT) + "_"
                + String.join("_", toParts.subList(shared, toParts.size()));
    }

    @ParameterizedTest
    @EnumSource(RelationshipType.class)
    void typeFollowsTheSdkRule(RelationshipType type) {
        assertEquals(sdkType(type.relationshipClass(), type.from().type(), type.to().type()), type.type());
    }

    @Test
    void theRuleReproducesTheSdksOwnExamples() {
        assertEquals("teleport_user_assigned_role", sdkType("ASSIGNED", "teleport_user", "teleport_role"));
        assertEquals("teleport_access_list_has_member",
                sdkType("HAS", "teleport_access_list", "teleport_access_list_member"));
        assertEquals("okta_account_has_user", sdkType("HAS", "okta_account", "okta_user"));
        // a type joined to itself keeps the last part of the to-type
        assertEquals("teleport_access_list_has_list", sdkType("HAS", "teleport_access_list", "teleport_access_list"));
        assertEquals("teleport_role_allows_role", sdkType("ALLOWS", "teleport_role", "teleport_role"));
    }

    @Test
    void mappedTypesAreDistinctFromDirectOnes() {
        List<String> direct = Arrays.stream(RelationshipType.values()).map(RelationshipType::type).toList();
        for (MappedRelationshipType mapped : MappedRelationshipType.values()) {
            assertEquals(false, direct.contains(mapped.type()), mapped.type());
            assertEquals(EntityType.ROLE, mapped.source());
        }
    }
}

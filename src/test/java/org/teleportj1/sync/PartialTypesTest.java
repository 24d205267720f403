package org.teleportj1.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.teleportj1.graph.EntityType;
import org.teleportj1.graph.MappedRelationshipType;
import org.teleportj1.graph.RelationshipType;
import org.teleportj1.teleport.TeleportResource;

class PartialTypesTest {
    private static final Set<String> KNOWN = Set.copyOf(Stream.of(
            Arrays.stream(EntityType.values()).map(EntityType::type),
            Arrays.stream(RelationshipType.values()).map(RelationshipType::type),
            Arrays.stream(MappedRelationshipType.values()).map(MappedRelationshipType::type)).flatMap(s -> s).toList());

    @Test
    void onlyRolesAndTheAccessListResourcesAreTolerable() {
        assertFalse(PartialTypes.tolerable(TeleportResource.PING));
        assertFalse(PartialTypes.tolerable(TeleportResource.USERS), "without users every member becomes a stub");
        assertThrows(IllegalArgumentException.class, () -> PartialTypes.of(TeleportResource.USERS));
        for (TeleportResource resource : List.of(TeleportResource.ROLES, TeleportResource.ACCESS_LISTS,
                TeleportResource.ACCESS_LIST_MEMBERS, TeleportResource.ACCESS_LIST_REVIEWS)) {
            assertTrue(PartialTypes.tolerable(resource), resource.uriName());
        }
    }

    @Test
    void everyTypeNamedIsARealTypeAndTheListsAreSorted() {
        for (TeleportResource resource : TeleportResource.values()) {
            if (!PartialTypes.tolerable(resource)) {
                continue;
            }
            Set<String> types = PartialTypes.of(resource);
            assertFalse(types.isEmpty(), resource.uriName());
            for (String type : types) {
                assertTrue(KNOWN.contains(type), resource.uriName() + " names unknown _type " + type);
            }
            List<String> sorted = new ArrayList<>(types);
            sorted.sort(null);
            assertEquals(sorted, new ArrayList<>(types), "finalize sends them sorted");
        }
    }

    @Test
    void withoutTheListsTheirMembersAndReviewsArePartialToo() {
        Set<String> lists = PartialTypes.of(TeleportResource.ACCESS_LISTS);
        assertTrue(lists.containsAll(PartialTypes.of(TeleportResource.ACCESS_LIST_MEMBERS)));
        assertTrue(lists.containsAll(PartialTypes.of(TeleportResource.ACCESS_LIST_REVIEWS)));
        for (String type : KNOWN) {
            if (type.startsWith("teleport_access_list")) {
                assertTrue(lists.contains(type), type);
            }
        }
    }

    @Test
    void eachResourceNamesTheTypesItMapsAndTheEdgesDerivedFromIt() {
        assertTrue(PartialTypes.of(TeleportResource.ROLES).containsAll(Set.of(EntityType.ROLE.type(),
                RelationshipType.ACCOUNT_HAS_ROLE.type(), RelationshipType.USER_ASSIGNED_ROLE.type(),
                RelationshipType.ACCESS_LIST_ASSIGNED_ROLE.type(), RelationshipType.ROLE_ALLOWS_ROLE.type(),
                RelationshipType.ROLE_ALLOWS_USER.type())));
        assertTrue(PartialTypes.of(TeleportResource.ACCESS_LIST_MEMBERS).containsAll(Set.of(
                EntityType.ACCESS_LIST.type(), RelationshipType.ACCESS_LIST_HAS_USER.type(),
                RelationshipType.ACCESS_LIST_HAS_ACCESS_LIST.type(), RelationshipType.USER_ASSIGNED_ROLE.type())));
        assertTrue(PartialTypes.of(TeleportResource.ACCESS_LIST_REVIEWS).containsAll(Set.of(
                EntityType.ACCESS_LIST_REVIEW.type(), RelationshipType.ACCESS_LIST_HAS_REVIEW.type(),
                RelationshipType.USER_PERFORMED_REVIEW.type())));
        // lists, members and reviews name users Teleport may not list: those stubs are missing too
        for (TeleportResource resource : List.of(TeleportResource.ACCESS_LISTS, TeleportResource.ACCESS_LIST_MEMBERS,
                TeleportResource.ACCESS_LIST_REVIEWS)) {
            assertTrue(PartialTypes.of(resource).containsAll(Set.of(EntityType.USER.type(),
                    RelationshipType.ACCOUNT_HAS_USER.type(), RelationshipType.ROLE_ALLOWS_USER.type())),
                    resource.uriName());
        }
    }
}

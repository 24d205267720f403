package org.teleportj1.sync;

import static org.teleportj1.graph.EntityType.ACCESS_LIST;
import static org.teleportj1.graph.EntityType.ACCESS_LIST_REVIEW;
import static org.teleportj1.graph.EntityType.ROLE;
import static org.teleportj1.graph.EntityType.USER;
import static org.teleportj1.graph.RelationshipType.ACCESS_LIST_ASSIGNED_ROLE;
import static org.teleportj1.graph.RelationshipType.ACCESS_LIST_HAS_ACCESS_LIST;
import static org.teleportj1.graph.RelationshipType.ACCESS_LIST_HAS_REVIEW;
import static org.teleportj1.graph.RelationshipType.ACCESS_LIST_HAS_USER;
import static org.teleportj1.graph.RelationshipType.ACCESS_LIST_OWNS_ACCESS_LIST;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_ACCESS_LIST;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_ROLE;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_USER;
import static org.teleportj1.graph.RelationshipType.ROLE_ALLOWS_ROLE;
import static org.teleportj1.graph.RelationshipType.ROLE_ALLOWS_USER;
import static org.teleportj1.graph.RelationshipType.USER_ASSIGNED_ROLE;
import static org.teleportj1.graph.RelationshipType.USER_OWNS_ACCESS_LIST;
import static org.teleportj1.graph.RelationshipType.USER_PERFORMED_REVIEW;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.teleportj1.graph.EntityType;
import org.teleportj1.graph.RelationshipType;
import org.teleportj1.teleport.TeleportResource;

/**
 * Which {@code _type}s may be incomplete when one Teleport listing failed: the types the listing
 * maps itself plus every type GraphBuilder derives from it. A run that tolerates the failure
 * finalizes with these in {@code partialDatasets.types}, so J1 keeps their earlier objects.
 *
 * <p>Deliberately a superset: naming a type too many only postpones deletions of that type to the
 * next complete run, naming one too few deletes live data. Only the resources here are tolerable;
 * ping and users never are (without users every member, owner and reviewer would become an
 * inactive stub user and overwrite the real users in J1).
 */
public final class PartialTypes {

    /**
     * Users that only an access list, member or review names are emitted as inactive stub users
     * (with their account edge and the escalation edges that target them): without that listing
     * they are missing from the upload, so the user types are partial too.
     */
    private static final Set<String> STUB_USERS = types(Stream.of(USER), Stream.of(ACCOUNT_HAS_USER, ROLE_ALLOWS_USER));

    private static final Set<String> REVIEWS = union(STUB_USERS, types(Stream.of(ACCESS_LIST_REVIEW),
            Stream.of(ACCESS_LIST_HAS_REVIEW, USER_PERFORMED_REVIEW)));

    /** Memberships, the roles they grant, and the lists' member counts. */
    private static final Set<String> MEMBERS = union(STUB_USERS, types(Stream.of(ACCESS_LIST),
            Stream.of(ACCESS_LIST_HAS_USER, ACCESS_LIST_HAS_ACCESS_LIST, USER_ASSIGNED_ROLE)));

    /** Without the lists, their members are skipped and their reviews lose the list edge. */
    private static final Set<String> ACCESS_LISTS = union(union(MEMBERS, REVIEWS), types(Stream.of(ACCESS_LIST),
            Stream.of(ACCOUNT_HAS_ACCESS_LIST, USER_OWNS_ACCESS_LIST, ACCESS_LIST_OWNS_ACCESS_LIST,
                    ACCESS_LIST_ASSIGNED_ROLE)));

    /** Role edges are only drawn to roles that were listed; escalations come from the roles. */
    private static final Set<String> ROLES = types(Stream.of(ROLE), Stream.of(ACCOUNT_HAS_ROLE, USER_ASSIGNED_ROLE,
            ACCESS_LIST_ASSIGNED_ROLE, ROLE_ALLOWS_ROLE, ROLE_ALLOWS_USER));

    private static final Map<TeleportResource, Set<String>> BY_RESOURCE = byResource();

    private PartialTypes() {
    }

    /** True when a failed listing of {@code resource} may be finalized as partial (when allowed). */
    public static boolean tolerable(TeleportResource resource) {
        return BY_RESOURCE.containsKey(resource);
    }

    /** The sorted {@code _type}s a failed listing of {@code resource} leaves incomplete. */
    public static Set<String> of(TeleportResource resource) {
        Set<String> types = BY_RESOURCE.get(resource);
        if (types == null) {
            throw new IllegalArgumentException("a failed " + resource.uriName() + " listing is never tolerated");
        }
        return types;
    }

    private static Map<TeleportResource, Set<String>> byResource() {
        Map<TeleportResource, Set<String>> map = new EnumMap<>(TeleportResource.class);
        map.put(TeleportResource.ROLES, ROLES);
        map.put(TeleportResource.ACCESS_LISTS, ACCESS_LISTS);
        map.put(TeleportResource.ACCESS_LIST_MEMBERS, MEMBERS);
        map.put(TeleportResource.ACCESS_LIST_REVIEWS, REVIEWS);
        return Collections.unmodifiableMap(map);
    }

    private static Set<String> types(Stream<EntityType> entities, Stream<RelationshipType> relationships) {
        TreeSet<String> types = new TreeSet<>();
        entities.forEach(type -> types.add(type.type()));
        relationships.forEach(type -> types.add(type.type()));
        return Collections.unmodifiableSortedSet(types);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> types = new TreeSet<>(a);
        types.addAll(b);
        return Collections.unmodifiableSortedSet(types);
    }
}

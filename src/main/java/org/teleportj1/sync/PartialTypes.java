package org.teleportj1.sync;

import static org.teleportj1.graph.EntityType.ACCESS_LIST;
import static org.teleportj1.graph.EntityType.ACCESS_REQUEST;
import static org.teleportj1.graph.EntityType.BOT;
import static org.teleportj1.graph.EntityType.BOT_INSTANCE;
import static org.teleportj1.graph.EntityType.LOCK;
import static org.teleportj1.graph.EntityType.SSO_CONNECTOR;
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
import static org.teleportj1.graph.RelationshipType.ACCESS_REQUEST_CREATED_ACCESS_LIST;
import static org.teleportj1.graph.RelationshipType.ACCESS_REQUEST_HAS_ROLE;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_ACCESS_REQUEST;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_BOT;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_BOT_INSTANCE;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_LOCK;
import static org.teleportj1.graph.RelationshipType.ACCOUNT_HAS_SSO_CONNECTOR;
import static org.teleportj1.graph.RelationshipType.BOT_ASSIGNED_ROLE;
import static org.teleportj1.graph.RelationshipType.BOT_HAS_INSTANCE;
import static org.teleportj1.graph.RelationshipType.BOT_IS_USER;
import static org.teleportj1.graph.RelationshipType.LOCK_RESTRICTS_ROLE;
import static org.teleportj1.graph.RelationshipType.LOCK_RESTRICTS_USER;
import static org.teleportj1.graph.RelationshipType.SSO_CONNECTOR_ASSIGNED_ROLE;
import static org.teleportj1.graph.RelationshipType.USER_OPENED_ACCESS_REQUEST;
import static org.teleportj1.graph.RelationshipType.USER_REVIEWED_ACCESS_REQUEST;
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
import org.teleportj1.graph.MappedRelationshipType;
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
                    ACCESS_LIST_ASSIGNED_ROLE, ACCESS_REQUEST_CREATED_ACCESS_LIST)));

    /** Role edges are only drawn to roles that were listed; escalations come from the roles. */
    private static final Set<String> ROLES = types(Stream.of(ROLE), Stream.of(ACCOUNT_HAS_ROLE, USER_ASSIGNED_ROLE,
            ACCESS_LIST_ASSIGNED_ROLE, ROLE_ALLOWS_ROLE, ROLE_ALLOWS_USER, LOCK_RESTRICTS_ROLE, ACCESS_REQUEST_HAS_ROLE,
            BOT_ASSIGNED_ROLE, SSO_CONNECTOR_ASSIGNED_ROLE), Stream.of(MappedRelationshipType.values()));

    /*
     * The optional resources name only the types they own. Types shared with the core resources
     * (users, role assignments) are never partial because of them: a resource switched off, or
     * denied for good, would otherwise keep deleted users and revoked access in J1 forever. So when
     * access requests are not read, the temporary assignments of an earlier run are deleted, and
     * users whose lock is unknown are not marked locked (both said in the warning).
     */
    private static final Set<String> LOCKS = types(Stream.of(LOCK),
            Stream.of(ACCOUNT_HAS_LOCK, LOCK_RESTRICTS_USER, LOCK_RESTRICTS_ROLE));
    private static final Set<String> ACCESS_REQUESTS = types(Stream.of(ACCESS_REQUEST),
            Stream.of(ACCOUNT_HAS_ACCESS_REQUEST, USER_OPENED_ACCESS_REQUEST, USER_REVIEWED_ACCESS_REQUEST,
                    ACCESS_REQUEST_HAS_ROLE, ACCESS_REQUEST_CREATED_ACCESS_LIST));
    /** Without bots their instances lose the bot's edge. */
    private static final Set<String> BOTS = types(Stream.of(BOT),
            Stream.of(ACCOUNT_HAS_BOT, BOT_IS_USER, BOT_ASSIGNED_ROLE, BOT_HAS_INSTANCE));
    private static final Set<String> BOT_INSTANCES = types(Stream.of(BOT_INSTANCE),
            Stream.of(ACCOUNT_HAS_BOT_INSTANCE, BOT_HAS_INSTANCE));
    private static final Set<String> SSO_CONNECTORS = types(Stream.of(SSO_CONNECTOR),
            Stream.of(ACCOUNT_HAS_SSO_CONNECTOR, SSO_CONNECTOR_ASSIGNED_ROLE), Stream.of(MappedRelationshipType.values()));

    private static final Map<TeleportResource, Set<String>> OPTIONAL = optional();

    private static final Map<TeleportResource, Set<String>> BY_RESOURCE = byResource();

    private PartialTypes() {
    }

    /** True when a failed listing of {@code resource} may be finalized as partial (when allowed). */
    public static boolean tolerable(TeleportResource resource) {
        return BY_RESOURCE.containsKey(resource);
    }

    /** The sorted {@code _type}s an unread optional resource owns (J1 keeps them). */
    public static Set<String> ofOptional(TeleportResource resource) {
        Set<String> types = OPTIONAL.get(resource);
        if (types == null) {
            throw new IllegalArgumentException(resource.uriName() + " is not an optional resource");
        }
        return types;
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

    private static Map<TeleportResource, Set<String>> optional() {
        Map<TeleportResource, Set<String>> map = new EnumMap<>(TeleportResource.class);
        map.put(TeleportResource.LOCKS, LOCKS);
        map.put(TeleportResource.ACCESS_REQUESTS, ACCESS_REQUESTS);
        map.put(TeleportResource.BOTS, BOTS);
        map.put(TeleportResource.BOT_INSTANCES, BOT_INSTANCES);
        map.put(TeleportResource.SSO_CONNECTORS, SSO_CONNECTORS);
        return Collections.unmodifiableMap(map);
    }

    private static Set<String> types(Stream<EntityType> entities, Stream<RelationshipType> relationships,
                                     Stream<MappedRelationshipType> mapped) {
        TreeSet<String> types = new TreeSet<>(types(entities, relationships));
        mapped.forEach(type -> types.add(type.type()));
        return Collections.unmodifiableSortedSet(types);
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

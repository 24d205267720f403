package org.teleportj1.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.teleportj1.proto.accesslist.v1.AccessListServiceGrpc;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.machineid.v1.BotInstanceServiceGrpc;
import org.teleportj1.proto.machineid.v1.BotServiceGrpc;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;

/**
 * Faults and server generations the sandbox imitates, so readers can be tested against what real
 * clusters do. The default is a current (v17+) auth server without faults.
 *
 * @param legacyServer            a pre-v15 server: ListUsers, ListRoles, ListAllAccessListMembers and
 *                                ListAllAccessListReviews answer UNIMPLEMENTED; GetUsers, GetRoles and
 *                                the per-list calls serve the same data. (A current server answers
 *                                UNIMPLEMENTED to GetRoles, removed in v17.)
 * @param userPageBoundaryBug     the old auth-cache ListUsers bug: the token names the first user not
 *                                returned, so that user is skipped (docs/teleport-api.md §6)
 * @param maxPageSize             answer RESOURCE_EXHAUSTED when a paged call's effective page size exceeds
 *                                this; 0 = never
 * @param unavailableOnCall       method name (e.g. "ListUsers") → the call number (1-based) that fails
 *                                once with UNAVAILABLE
 * @param deniedResources         resources ("user", "role", "access_list", "lock", …: {@link #RESOURCES})
 *                                whose calls, and watches of that kind, are PERMISSION_DENIED
 * @param vanishedAccessLists     lists deleted mid-run: still listed, but their per-list calls answer
 *                                NOT_FOUND and their members and reviews are gone from the ListAll calls
 * @param teleportVersion         the release imitated: its RPC set, its listing bugs and Ping's version
 *                                ({@link TeleportVersion}); {@code legacyServer} overrides its RPC set
 */
public record SandboxBehaviour(boolean legacyServer, boolean userPageBoundaryBug, int maxPageSize,
                               Map<String, Integer> unavailableOnCall, Set<String> deniedResources,
                               Set<String> vanishedAccessLists, TeleportVersion teleportVersion) {

    /** Every RPC the sandbox serves, by bare method name. */
    public static final Set<String> METHODS = Stream.of(AuthServiceGrpc.getServiceDescriptor(),
                    UsersServiceGrpc.getServiceDescriptor(), AccessListServiceGrpc.getServiceDescriptor(),
                    BotServiceGrpc.getServiceDescriptor(), BotInstanceServiceGrpc.getServiceDescriptor())
            .flatMap(service -> service.getMethods().stream())
            .map(method -> method.getBareMethodName())
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The resource names Teleport's RBAC checks for the served calls; members and reviews are their
     * own kinds only for WatchEvents (docs/teleport-api.md §9).
     */
    public static final Set<String> RESOURCES = Set.of("user", "role", "access_list", "access_list_member",
            "access_list_review", "lock", "access_request", "bot", "bot_instance", "saml", "oidc", "github");

    public SandboxBehaviour {
        if (maxPageSize < 0) {
            throw new IllegalArgumentException("maxPageSize must be 0 (off) or positive, not " + maxPageSize);
        }
        unavailableOnCall = Map.copyOf(unavailableOnCall);
        unavailableOnCall.forEach((method, call) -> {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("unknown method " + method + "; known: " + METHODS);
            }
            if (call < 1) {
                throw new IllegalArgumentException("call numbers start at 1, not " + call);
            }
        });
        deniedResources = Set.copyOf(deniedResources);
        if (!RESOURCES.containsAll(deniedResources)) {
            throw new IllegalArgumentException("unknown resource in " + deniedResources + "; known: " + RESOURCES);
        }
        vanishedAccessLists = Set.copyOf(vanishedAccessLists);
        Objects.requireNonNull(teleportVersion, "teleportVersion");
    }

    public static SandboxBehaviour normal() {
        return new SandboxBehaviour(false, false, 0, Map.of(), Set.of(), Set.of(), TeleportVersion.CURRENT);
    }

    public SandboxBehaviour withLegacyServer(boolean legacy) {
        return new SandboxBehaviour(legacy, userPageBoundaryBug, maxPageSize, unavailableOnCall,
                deniedResources, vanishedAccessLists, teleportVersion);
    }

    public SandboxBehaviour withUserPageBoundaryBug(boolean bug) {
        return new SandboxBehaviour(legacyServer, bug, maxPageSize, unavailableOnCall,
                deniedResources, vanishedAccessLists, teleportVersion);
    }

    public SandboxBehaviour withMaxPageSize(int size) {
        return new SandboxBehaviour(legacyServer, userPageBoundaryBug, size, unavailableOnCall,
                deniedResources, vanishedAccessLists, teleportVersion);
    }

    public SandboxBehaviour withUnavailableOnCall(String method, int call) {
        Map<String, Integer> calls = new HashMap<>(unavailableOnCall);
        calls.put(method, call);
        return new SandboxBehaviour(legacyServer, userPageBoundaryBug, maxPageSize, calls,
                deniedResources, vanishedAccessLists, teleportVersion);
    }

    public SandboxBehaviour withPermissionDenied(String resource) {
        Set<String> denied = new HashSet<>(deniedResources);
        denied.add(resource);
        return new SandboxBehaviour(legacyServer, userPageBoundaryBug, maxPageSize, unavailableOnCall,
                denied, vanishedAccessLists, teleportVersion);
    }

    public SandboxBehaviour withVanishedAccessList(String name) {
        Set<String> vanished = new HashSet<>(vanishedAccessLists);
        vanished.add(name);
        return new SandboxBehaviour(legacyServer, userPageBoundaryBug, maxPageSize, unavailableOnCall,
                deniedResources, vanished, teleportVersion);
    }

    /** Imitates one Teleport release (its RPC set and listing bugs). */
    public SandboxBehaviour withTeleportVersion(TeleportVersion version) {
        return new SandboxBehaviour(legacyServer, userPageBoundaryBug, maxPageSize, unavailableOnCall,
                deniedResources, vanishedAccessLists, version);
    }

    /** The ListUsers token bug, switched on by hand or by the imitated release. */
    boolean usersCacheBug() {
        return userPageBoundaryBug || teleportVersion.has(TeleportVersion.Quirk.USERS_CACHE_TOKEN);
    }
}

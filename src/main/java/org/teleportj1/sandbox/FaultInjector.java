package org.teleportj1.sandbox;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link SandboxBehaviour}: refuses calls the imitated server would refuse before they
 * reach a service (missing methods, outages, RBAC), and tells the services about the faults that
 * depend on a request (page sizes, the ListUsers bug, vanished lists). Counts calls per method.
 */
final class FaultInjector implements ServerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

    /** Methods a v14 server from before the ListAll* backport (January 2024) does not have. */
    private static final Set<String> MISSING_IN_LEGACY = Set.of("ListUsers", "ListRoles",
            "ListAllAccessListMembers", "ListAllAccessListReviews");
    /** The RBAC resource and verb each method checks; Ping checks nothing beyond the certificate. */
    private static final Map<String, String[]> RBAC = Map.ofEntries(
            Map.entry("ListUsers", new String[] {"user", "list"}),
            Map.entry("GetUsers", new String[] {"user", "list"}),
            Map.entry("GetUser", new String[] {"user", "read"}),
            Map.entry("ListRoles", new String[] {"role", "list"}),
            Map.entry("GetRoles", new String[] {"role", "list"}),
            Map.entry("ListAccessLists", new String[] {"access_list", "list"}),
            Map.entry("ListAccessListMembers", new String[] {"access_list", "list"}),
            Map.entry("ListAllAccessListMembers", new String[] {"access_list", "list"}),
            Map.entry("ListAccessListReviews", new String[] {"access_list", "list"}),
            Map.entry("ListAllAccessListReviews", new String[] {"access_list", "list"}),
            Map.entry("GetLocks", new String[] {"lock", "list"}),
            Map.entry("ListAccessRequests", new String[] {"access_request", "list"}),
            Map.entry("GetAccessRequestsV2", new String[] {"access_request", "list"}),
            Map.entry("ListBots", new String[] {"bot", "list"}),
            Map.entry("ListBotInstances", new String[] {"bot_instance", "list"}),
            Map.entry("ListBotInstancesV2", new String[] {"bot_instance", "list"}),
            Map.entry("GetSAMLConnectors", new String[] {"saml", "list"}),
            Map.entry("GetOIDCConnectors", new String[] {"oidc", "list"}),
            Map.entry("GetGithubConnectors", new String[] {"github", "list"}));

    private volatile SandboxBehaviour behaviour;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    FaultInjector(SandboxBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    SandboxBehaviour behaviour() {
        return behaviour;
    }

    /** Switches behaviour; call numbers for one-shot outages count from here. */
    void behaviour(SandboxBehaviour next) {
        calls.clear();
        behaviour = next;
    }

    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    void checkPageSize(int effectivePageSize) {
        int limit = behaviour.maxPageSize();
        if (limit > 0 && effectivePageSize > limit) {
            throw TeleportStatus.limitExceeded(effectivePageSize, limit);
        }
    }

    boolean vanished(String accessList) {
        return behaviour.vanishedAccessLists().contains(accessList);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        int number = calls.computeIfAbsent(method, name -> new AtomicInteger()).incrementAndGet();
        Status refusal = refusal(behaviour, call.getMethodDescriptor().getServiceName(), method, number);
        if (refusal != null) {
            LOG.debug("refusing call {} of {}: {}", number, method, refusal);
            call.close(refusal, new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(call, headers);
    }

    private static Status refusal(SandboxBehaviour behaviour, String service, String method, int number) {
        Set<String> missing = behaviour.legacyServer() ? MISSING_IN_LEGACY : behaviour.teleportVersion().missingMethods();
        if (missing.contains(method)) {
            return TeleportStatus.unknownMethod(service, method);
        }
        Integer failing = behaviour.unavailableOnCall().get(method);
        if (failing != null && failing == number) {
            return TeleportStatus.connectionProblem(method, number);
        }
        String[] rule = RBAC.get(method);
        if (rule != null && behaviour.deniedResources().contains(rule[0])) {
            return TeleportStatus.accessDenied(rule[1], rule[0]);
        }
        return null;
    }
}

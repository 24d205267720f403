package org.teleportj1.sandbox;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.Event;
import org.teleportj1.proto.auth.GetLocksRequest;
import org.teleportj1.proto.auth.GetLocksResponse;
import org.teleportj1.proto.auth.GetRolesResponse;
import org.teleportj1.proto.auth.GetUsersRequest;
import org.teleportj1.proto.auth.ListAccessRequestsRequest;
import org.teleportj1.proto.auth.ListAccessRequestsResponse;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.types.AccessRequestFilter;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.GithubConnectorV3List;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.OIDCConnectorV3List;
import org.teleportj1.proto.types.ResourcesWithSecretsRequest;
import org.teleportj1.proto.auth.Watch;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.SAMLConnectorV2List;
import org.teleportj1.proto.types.UserV2;

/**
 * {@code proto.AuthService}: Ping, the legacy GetUsers stream and GetRoles, paged ListRoles, locks,
 * access requests (paged and as the older stream), the SSO connectors and WatchEvents.
 */
final class SandboxAuthService extends AuthServiceGrpc.AuthServiceImplBase {
    /** What the legacy switch reports: a v14 release without ListUsers, ListRoles and ListAll*. */
    static final String LEGACY_VERSION = "14.2.4";

    private final String clusterName;
    private final SandboxData data;
    private final FaultInjector faults;

    SandboxAuthService(String clusterName, SandboxData data, FaultInjector faults) {
        this.clusterName = clusterName;
        this.data = data;
        this.faults = faults;
    }

    @Override
    public void ping(PingRequest request, StreamObserver<PingResponse> observer) {
        Responses.unary(observer, () -> PingResponse.newBuilder()
                .setClusterName(clusterName)
                .setServerVersion(faults.behaviour().legacyServer() ? LEGACY_VERSION
                        : faults.behaviour().teleportVersion().version())
                .setProxyPublicAddr(clusterName + ":443")
                .setRemoteAddr(CallerIdentity.REMOTE_ADDRESS.get())
                .build());
    }

    @Override
    public void getUsers(GetUsersRequest request, StreamObserver<UserV2> observer) {
        if (request.getWithSecrets()) {
            // only the built-in Admin role may read secrets; no client identity has it
            observer.onError(TeleportStatus.accessDenied("read", "user").withDescription(
                    "access denied to perform action \"read\" with secrets on \"user\"").asRuntimeException());
            return;
        }
        Responses.stream(observer, data.users.iterator());
    }

    @Override
    public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> observer) {
        Responses.unary(observer, () -> {
            int size = PageLimits.roles(request.getLimit());
            faults.checkPageSize(size);
            String start = request.getStartKey().isEmpty() ? null : request.getStartKey();
            Page<RoleV6> page = data.roles.page("", start, true, size);
            // NextKey is the name of the first role of the next page, which that page includes
            return ListRolesResponse.newBuilder()
                    .addAllRoles(page.items())
                    .setNextKey(page.hasMore() ? page.nextKey() : "")
                    .build();
        });
    }

    @Override
    public void getLocks(GetLocksRequest request, StreamObserver<GetLocksResponse> observer) {
        Responses.unary(observer, () -> {
            Instant now = Instant.now();
            return GetLocksResponse.newBuilder().addAllLocks(data.locks()
                    .filter(lock -> !request.getInForceOnly() || inForce(lock, now))
                    .toList()).build();
        });
    }

    /** A lock without (or with Go's zero) expiry is in force until deleted. */
    private static boolean inForce(LockV2 lock, Instant now) {
        Timestamp expires = lock.getSpec().getExpires();
        return !lock.getSpec().hasExpires() || ProtoTime.isUnset(expires) || ProtoTime.toInstant(expires).isAfter(now);
    }

    @Override
    public void listAccessRequests(ListAccessRequestsRequest request,
                                   StreamObserver<ListAccessRequestsResponse> observer) {
        Responses.unary(observer, () -> {
            int size = PageLimits.clamp(request.getLimit(), PageLimits.ACCESS_REQUESTS_MAX);
            faults.checkPageSize(size);
            String start = request.getStartKey().isEmpty() ? null : request.getStartKey();
            Page<AccessRequestV3> page = data.accessRequests.page("", start, true, size);
            return ListAccessRequestsResponse.newBuilder().addAllAccessRequests(page.items())
                    .setNextKey(page.hasMore() ? page.nextKey() : "").build();
        });
    }

    @Override
    public void getAccessRequestsV2(AccessRequestFilter request, StreamObserver<AccessRequestV3> observer) {
        Responses.stream(observer, data.accessRequests.iterator());
    }

    @Override
    public void getSAMLConnectors(ResourcesWithSecretsRequest request, StreamObserver<SAMLConnectorV2List> observer) {
        if (refuseSecrets(request, "saml", observer)) {
            return;
        }
        Responses.unary(observer, () -> SAMLConnectorV2List.newBuilder()
                .addAllSAMLConnectors(data.samlConnectors.values().toList()).build());
    }

    @Override
    public void getOIDCConnectors(ResourcesWithSecretsRequest request, StreamObserver<OIDCConnectorV3List> observer) {
        if (refuseSecrets(request, "oidc", observer)) {
            return;
        }
        Responses.unary(observer, () -> OIDCConnectorV3List.newBuilder()
                .addAllOIDCConnectors(data.oidcConnectors.values().toList()).build());
    }

    @Override
    public void getGithubConnectors(ResourcesWithSecretsRequest request,
                                    StreamObserver<GithubConnectorV3List> observer) {
        if (refuseSecrets(request, "github", observer)) {
            return;
        }
        Responses.unary(observer, () -> GithubConnectorV3List.newBuilder()
                .addAllGithubConnectors(data.githubConnectors.values().toList()).build());
    }

    /** Connector secrets are for the auth server's own admin identity only, as in Teleport. */
    private static boolean refuseSecrets(ResourcesWithSecretsRequest request, String kind, StreamObserver<?> observer) {
        if (!request.getWithSecrets()) {
            return false;
        }
        observer.onError(TeleportStatus.accessDenied("read", kind).withDescription(
                "access denied to perform action \"read\" with secrets on \"" + kind + "\"").asRuntimeException());
        return true;
    }

    @Override
    public void watchEvents(Watch request, StreamObserver<Event> observer) {
        data.watches().serve(request, observer, faults.behaviour());
    }

    @Override
    public void getRoles(Empty request, StreamObserver<GetRolesResponse> observer) {
        Responses.unary(observer, () -> GetRolesResponse.newBuilder()
                .addAllRoles(data.roles().toList()).build());
    }
}

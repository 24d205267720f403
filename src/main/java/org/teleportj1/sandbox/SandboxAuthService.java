package org.teleportj1.sandbox;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.Event;
import org.teleportj1.proto.auth.GetRolesResponse;
import org.teleportj1.proto.auth.GetUsersRequest;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.auth.Watch;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** {@code proto.AuthService}: Ping, the legacy GetUsers stream and GetRoles, paged ListRoles, WatchEvents. */
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
    public void watchEvents(Watch request, StreamObserver<Event> observer) {
        data.watches().serve(request, observer, faults.behaviour());
    }

    @Override
    public void getRoles(Empty request, StreamObserver<GetRolesResponse> observer) {
        Responses.unary(observer, () -> GetRolesResponse.newBuilder()
                .addAllRoles(data.roles().toList()).build());
    }
}

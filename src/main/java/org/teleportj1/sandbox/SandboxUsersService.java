package org.teleportj1.sandbox;

import io.grpc.stub.StreamObserver;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.GetUserRequest;
import org.teleportj1.proto.users.v1.GetUserResponse;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;

/** {@code teleport.users.v1.UsersService}: GetUser and paged ListUsers. */
final class SandboxUsersService extends UsersServiceGrpc.UsersServiceImplBase {
    private final SandboxData data;
    private final FaultInjector faults;

    SandboxUsersService(SandboxData data, FaultInjector faults) {
        this.data = data;
        this.faults = faults;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> observer) {
        Responses.unary(observer, () -> {
            String name = request.getCurrentUser() ? CallerIdentity.USER.get() : request.getName();
            if (name.isEmpty()) {
                throw TeleportStatus.badParameter("missing username");
            }
            UserV2 user = data.user(name).orElseThrow(() -> TeleportStatus.userNotFound(name));
            return GetUserResponse.newBuilder().setUser(user).build();
        });
    }

    @Override
    public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> observer) {
        Responses.unary(observer, () -> {
            int size = PageLimits.clamp(request.getPageSize(), PageLimits.USERS_MAX);
            faults.checkPageSize(size);
            String token = request.getPageToken();
            Page<UserV2> page = token.isEmpty()
                    ? data.users.page("", null, true, size)
                    : data.users.page("", PageTokens.userAfter(token), false, size);
            String next = "";
            if (page.hasMore()) {
                // The old auth cache named the first user NOT returned; resuming after it skipped it.
                next = PageTokens.userToken(faults.behaviour().userPageBoundaryBug() ? page.nextKey() : page.lastKey());
            }
            return ListUsersResponse.newBuilder().addAllUsers(page.items()).setNextPageToken(next).build();
        });
    }
}

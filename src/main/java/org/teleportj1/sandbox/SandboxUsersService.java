package org.teleportj1.sandbox;

import io.grpc.stub.StreamObserver;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.GetUserRequest;
import org.teleportj1.proto.users.v1.GetUserResponse;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;

/**
 * {@code teleport.users.v1.UsersService}: GetUser and paged ListUsers. Like Teleport's cache, a
 * page starts at the first user whose name is at or after the token (docs/teleport-api.md §6).
 */
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
            boolean bug = faults.behaviour().usersCacheBug();
            // the buggy cache did not default a page size of 0: it stopped before the first user
            int size = bug && request.getPageSize() == 0 ? 0
                    : PageLimits.clamp(request.getPageSize(), PageLimits.USERS_MAX);
            faults.checkPageSize(size);
            String token = request.getPageToken();
            Page<UserV2> page = data.users.page("", token.isEmpty() ? null : token, true, size);
            String next = "";
            if (page.hasMore()) {
                // The buggy cache named the first user NOT returned plus "0", so the next page
                // started after that user and after every name sorting between it and "<it>0".
                next = bug ? page.nextKey() + "0" : page.nextKey();
            }
            return ListUsersResponse.newBuilder().addAllUsers(page.items()).setNextPageToken(next).build();
        });
    }
}

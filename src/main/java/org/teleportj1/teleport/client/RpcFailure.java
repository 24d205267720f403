package org.teleportj1.teleport.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A failed RPC inside the client, before it becomes a user-facing {@link TeleportException}: the
 * listing logic decides on its code (fall back, halve the page, skip a deleted list) and only what
 * is left reaches {@link TeleportErrors}.
 */
final class RpcFailure extends RuntimeException {
    private final String method;
    private final transient Status status;

    RpcFailure(String method, StatusRuntimeException cause) {
        super(method + ": " + cause.getStatus(), cause);
        this.method = method;
        this.status = cause.getStatus();
    }

    /** Full gRPC method name, e.g. {@code teleport.users.v1.UsersService/ListUsers}. */
    String method() {
        return method;
    }

    Status status() {
        return status;
    }

    Status.Code code() {
        return status.getCode();
    }
}

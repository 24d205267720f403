package org.teleportj1.sandbox;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The gRPC statuses Teleport's {@code trail} package produces from its {@code trace} errors, with
 * message texts in Teleport's wording so clients can be tested against what they will really see.
 */
final class TeleportStatus {
    private TeleportStatus() {
    }

    static StatusRuntimeException notFound(String kind, String name) {
        return Status.NOT_FOUND.withDescription(kind + " \"" + name + "\" doesn't exist").asRuntimeException();
    }

    static StatusRuntimeException userNotFound(String name) {
        return Status.NOT_FOUND.withDescription("user \"" + name + "\" is not found").asRuntimeException();
    }

    static StatusRuntimeException badParameter(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    static Status accessDenied(String verb, String resource) {
        return Status.PERMISSION_DENIED.withDescription(
                "access denied to perform action \"" + verb + "\" on \"" + resource + "\"");
    }

    /** What grpc-go answers for a method the server does not have. */
    static Status unknownMethod(String service, String method) {
        return Status.UNIMPLEMENTED.withDescription("unknown method " + method + " for service " + service);
    }

    static Status connectionProblem(String method, int call) {
        return Status.UNAVAILABLE.withDescription(
                "connection closed while serving " + method + " (sandbox fault injected on call " + call + ")");
    }

    static StatusRuntimeException limitExceeded(int pageSize, int limit) {
        return Status.RESOURCE_EXHAUSTED.withDescription("grpc: trying to send message larger than max "
                + "(a page of " + pageSize + " exceeds the sandbox's limit of " + limit + ")").asRuntimeException();
    }
}

package org.teleportj1.teleport.client;

import com.google.protobuf.Empty;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.teleportj1.proto.accesslist.v1.AccessListServiceGrpc;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListReviewsResponse;
import org.teleportj1.proto.accesslist.v1.ListAccessListsRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListsResponse;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersResponse;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListReviewsResponse;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.GetRolesResponse;
import org.teleportj1.proto.auth.GetUsersRequest;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.GetUserRequest;
import org.teleportj1.proto.users.v1.GetUserResponse;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;
import org.teleportj1.sandbox.IssuedCertificate;

/**
 * A stand-in for Teleport's auth service: real mutual TLS on loopback (client certificate
 * required, checked against the cluster CA) serving {@link FakeTeleport}'s content through the
 * generated services. Records the client certificate of every call.
 */
final class TestAuthServer implements AutoCloseable {
    private final Server server;
    final FakeTeleport data;
    final Queue<X509Certificate> clientCertificates = new ConcurrentLinkedQueue<>();

    private TestAuthServer(IssuedCertificate serverCertificate, X509Certificate clientCa, FakeTeleport data) {
        this.data = data;
        try {
            var ssl = GrpcSslContexts.configure(io.netty.handler.ssl.SslContextBuilder.forServer(
                            serverCertificate.keyPair().getPrivate(), serverCertificate.certificate()))
                    .trustManager(clientCa)
                    .clientAuth(ClientAuth.REQUIRE)
                    .build();
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .sslContext(ssl)
                    .addService(ServerInterceptors.intercept(new Auth(), new RecordPeer()))
                    .addService(ServerInterceptors.intercept(new Users(), new RecordPeer()))
                    .addService(ServerInterceptors.intercept(new AccessLists(), new RecordPeer()))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestAuthServer start(TestPki pki, FakeTeleport data) {
        return new TestAuthServer(pki.server, pki.ca.certificate(), data);
    }

    /** A server whose certificate comes from {@code serverPki} while it accepts clients of {@code clientPki}. */
    static TestAuthServer start(IssuedCertificate serverCertificate, TestPki clientPki, FakeTeleport data) {
        return new TestAuthServer(serverCertificate, clientPki.ca.certificate(), data);
    }

    int port() {
        return server.getPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class RecordPeer implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                          ServerCallHandler<Q, R> next) {
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            try {
                clientCertificates.add((X509Certificate) session.getPeerCertificates()[0]);
            } catch (SSLPeerUnverifiedException e) {
                call.close(Status.UNAUTHENTICATED.withDescription("no client certificate"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            // Teleport refuses clients whose 'version' header is older than it supports; this client sends none.
            if (headers.containsKey(Metadata.Key.of("version", Metadata.ASCII_STRING_MARSHALLER))) {
                call.close(Status.PERMISSION_DENIED.withDescription("client version is unsupported"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            return next.startCall(call, headers);
        }
    }

    /** A page of {@code items} at an index token; "" when the last page was served. */
    private static <T, R> R indexPage(List<T> items, String token, int size, Function<List<T>, Function<String, R>> build) {
        int start = token.isEmpty() ? 0 : Integer.parseInt(token);
        int end = Math.min(items.size(), start + size);
        return build.apply(items.subList(start, end)).apply(end < items.size() ? Integer.toString(end) : "");
    }

    /**
     * A page of {@code items} (in key order) from the first key at or after {@code token}; the next
     * token is the key of the next page's first item, {@code <list>/<name>} as Teleport's ListAll* give.
     */
    private static <T, R> R keyPage(List<T> items, Function<T, String> keyOf, String token, int size,
                                    Function<List<T>, Function<String, R>> build) {
        int start = 0;
        while (!token.isEmpty() && start < items.size() && keyOf.apply(items.get(start)).compareTo(token) < 0) {
            start++;
        }
        int end = Math.min(items.size(), start + size);
        return build.apply(items.subList(start, end)).apply(end < items.size() ? keyOf.apply(items.get(end)) : "");
    }

    private static int clamp(int requested, int max) {
        return requested <= 0 || requested > max ? max : requested;
    }

    private final class Auth extends AuthServiceGrpc.AuthServiceImplBase {
        @Override
        public void ping(PingRequest request, StreamObserver<PingResponse> out) {
            out.onNext(PingResponse.newBuilder().setClusterName(data.cluster).setServerVersion("17.4.2").build());
            out.onCompleted();
        }

        @Override
        public void getUsers(GetUsersRequest request, StreamObserver<UserV2> out) {
            data.calls.add("GetUsers");
            data.users.forEach(out::onNext);
            out.onCompleted();
        }

        @Override
        public void listRoles(ListRolesRequest request, StreamObserver<ListRolesResponse> out) {
            if (data.legacy) {
                super.listRoles(request, out);
                return;
            }
            data.recordPageSize("ListRoles", request.getLimit());
            if (data.unavailableRoleCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                out.onError(Status.UNAVAILABLE.withDescription("auth server is restarting").asRuntimeException());
                return;
            }
            if (request.getLimit() > data.exhaustedAbove) {
                out.onError(Status.RESOURCE_EXHAUSTED.withDescription("grpc: received message larger than max")
                        .asRuntimeException());
                return;
            }
            out.onNext(TestAuthServer.<org.teleportj1.proto.types.RoleV6, ListRolesResponse>indexPage(data.roles,
                    request.getStartKey(), clamp(request.getLimit(), 16000),
                    page -> next -> ListRolesResponse.newBuilder().addAllRoles(page).setNextKey(next).build()));
            out.onCompleted();
        }

        @Override
        public void getRoles(Empty request, StreamObserver<GetRolesResponse> out) {
            if (!data.legacy) {
                super.getRoles(request, out); // removed in v17
                return;
            }
            data.calls.add("GetRoles");
            out.onNext(GetRolesResponse.newBuilder().addAllRoles(data.roles).build());
            out.onCompleted();
        }
    }

    private final class Users extends UsersServiceGrpc.UsersServiceImplBase {
        @Override
        public void listUsers(ListUsersRequest request, StreamObserver<ListUsersResponse> out) {
            if (data.legacy) {
                super.listUsers(request, out);
                return;
            }
            data.recordPageSize("ListUsers", request.getPageSize());
            if (request.getPageSize() > data.exhaustedAbove) {
                out.onError(Status.RESOURCE_EXHAUSTED.withDescription("grpc: received message larger than max")
                        .asRuntimeException());
                return;
            }
            // Like Teleport's cache, the page starts at the first name at or after the token.
            String from = request.getPageToken();
            int start = 0;
            while (start < data.users.size() && data.users.get(start).getMetadata().getName().compareTo(from) < 0) {
                start++;
            }
            int end = Math.min(data.users.size(), start + clamp(request.getPageSize(), 1000));
            ListUsersResponse.Builder response = ListUsersResponse.newBuilder().addAllUsers(data.users.subList(start, end));
            if (end < data.users.size()) {
                // The fixed server names the last user returned; the buggy cache named the first one not returned.
                UserV2 tokenUser = data.skipUserAtPageBoundary ? data.users.get(end) : data.users.get(end - 1);
                response.setNextPageToken(tokenUser.getMetadata().getName() + "0");
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> out) {
            data.calls.add("GetUser");
            data.users.stream().filter(u -> u.getMetadata().getName().equals(request.getName())).findFirst()
                    .ifPresentOrElse(u -> {
                        out.onNext(GetUserResponse.newBuilder().setUser(u).build());
                        out.onCompleted();
                    }, () -> out.onError(Status.NOT_FOUND.withDescription("user " + request.getName() + " not found")
                            .asRuntimeException()));
        }
    }

    private final class AccessLists extends AccessListServiceGrpc.AccessListServiceImplBase {
        private boolean denied(StreamObserver<?> out) {
            if (data.denyAccessLists) {
                out.onError(Status.PERMISSION_DENIED.withDescription("access denied to perform action \"list\" on"
                        + " \"access_list\"").asRuntimeException());
                return true;
            }
            return false;
        }

        @Override
        public void listAccessLists(ListAccessListsRequest request, StreamObserver<ListAccessListsResponse> out) {
            data.recordPageSize("ListAccessLists", request.getPageSize());
            if (denied(out)) {
                return;
            }
            ListAccessListsResponse response = indexPage(data.accessLists, request.getNextToken(),
                    clamp(request.getPageSize(), 100),
                    page -> next -> ListAccessListsResponse.newBuilder().addAllAccessLists(page).setNextToken(next).build());
            if (data.repeatAccessListToken) {
                response = response.toBuilder().setNextToken("1").build();
            }
            out.onNext(response);
            out.onCompleted();
        }

        @Override
        public void listAllAccessListMembers(ListAllAccessListMembersRequest request,
                                             StreamObserver<ListAllAccessListMembersResponse> out) {
            if (data.legacy) {
                super.listAllAccessListMembers(request, out);
                return;
            }
            data.recordPageSize("ListAllAccessListMembers", request.getPageSize());
            if (denied(out)) {
                return;
            }
            out.onNext(keyPage(data.allMembers(), m -> m.getSpec().getAccessList() + "/" + m.getSpec().getName(),
                    request.getPageToken(), clamp(request.getPageSize(), 200),
                    page -> next -> ListAllAccessListMembersResponse.newBuilder().addAllMembers(page)
                            .setNextPageToken(next).build()));
            out.onCompleted();
        }

        @Override
        public void listAccessListMembers(ListAccessListMembersRequest request,
                                          StreamObserver<ListAccessListMembersResponse> out) {
            data.recordPageSize("ListAccessListMembers", request.getPageSize());
            if (denied(out)) {
                return;
            }
            if (data.deletedLists.contains(request.getAccessList()) || !data.members.containsKey(request.getAccessList())) {
                out.onError(Status.NOT_FOUND.withDescription("access_list " + request.getAccessList() + " not found")
                        .asRuntimeException());
                return;
            }
            out.onNext(indexPage(data.members.get(request.getAccessList()), request.getPageToken(),
                    clamp(request.getPageSize(), 200),
                    page -> next -> ListAccessListMembersResponse.newBuilder().addAllMembers(page)
                            .setNextPageToken(next).build()));
            out.onCompleted();
        }

        @Override
        public void listAllAccessListReviews(ListAllAccessListReviewsRequest request,
                                             StreamObserver<ListAllAccessListReviewsResponse> out) {
            if (data.legacy) {
                super.listAllAccessListReviews(request, out);
                return;
            }
            data.recordPageSize("ListAllAccessListReviews", request.getPageSize());
            if (denied(out)) {
                return;
            }
            out.onNext(keyPage(data.allReviews(), r -> r.getSpec().getAccessList() + "/" + r.getHeader().getMetadata().getName(),
                    request.getNextToken(), clamp(request.getPageSize(), 200),
                    page -> next -> ListAllAccessListReviewsResponse.newBuilder().addAllReviews(page)
                            .setNextToken(next).build()));
            out.onCompleted();
        }

        @Override
        public void listAccessListReviews(ListAccessListReviewsRequest request,
                                          StreamObserver<ListAccessListReviewsResponse> out) {
            data.recordPageSize("ListAccessListReviews", request.getPageSize());
            if (denied(out)) {
                return;
            }
            if (data.deletedLists.contains(request.getAccessList()) || !data.reviews.containsKey(request.getAccessList())) {
                out.onError(Status.NOT_FOUND.withDescription("access_list " + request.getAccessList() + " not found")
                        .asRuntimeException());
                return;
            }
            out.onNext(indexPage(data.reviews.get(request.getAccessList()), request.getNextToken(),
                    clamp(request.getPageSize(), 200),
                    page -> next -> ListAccessListReviewsResponse.newBuilder().addAllReviews(page)
                            .setNextToken(next).build()));
            out.onCompleted();
        }
    }
}

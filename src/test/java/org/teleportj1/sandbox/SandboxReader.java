package org.teleportj1.sandbox;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.teleportj1.proto.accesslist.v1.AccessList;
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
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.GetUsersRequest;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.ListRolesResponse;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;

/** A minimal paging client for the tests: follows tokens exactly as docs/teleport-api.md §1.1 says. */
final class SandboxReader {
    private static final int DEADLINE_SECONDS = 30;

    private final ManagedChannel channel;
    /** Sizes of the pages of the last listing, to check clamping. */
    final List<Integer> pageSizes = new ArrayList<>();

    SandboxReader(ManagedChannel channel) {
        this.channel = channel;
    }

    AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    UsersServiceGrpc.UsersServiceBlockingStub users() {
        return UsersServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    AccessListServiceGrpc.AccessListServiceBlockingStub lists() {
        return AccessListServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    List<UserV2> allUsers(int pageSize) {
        pageSizes.clear();
        List<UserV2> out = new ArrayList<>();
        String token = "";
        do {
            ListUsersResponse page = users().listUsers(
                    ListUsersRequest.newBuilder().setPageSize(pageSize).setPageToken(token).build());
            pageSizes.add(page.getUsersCount());
            out.addAll(page.getUsersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return out;
    }

    List<UserV2> streamedUsers() {
        List<UserV2> out = new ArrayList<>();
        Iterator<UserV2> stream = auth().getUsers(GetUsersRequest.getDefaultInstance());
        stream.forEachRemaining(out::add);
        return out;
    }

    List<RoleV6> allRoles(int limit) {
        pageSizes.clear();
        List<RoleV6> out = new ArrayList<>();
        String key = "";
        do {
            ListRolesResponse page = auth().listRoles(ListRolesRequest.newBuilder().setLimit(limit).setStartKey(key).build());
            pageSizes.add(page.getRolesCount());
            out.addAll(page.getRolesList());
            key = page.getNextKey();
        } while (!key.isEmpty());
        return out;
    }

    List<RoleV6> legacyRoles() {
        return auth().getRoles(Empty.getDefaultInstance()).getRolesList();
    }

    List<AccessList> allLists(int pageSize) {
        pageSizes.clear();
        List<AccessList> out = new ArrayList<>();
        String token = "";
        do {
            ListAccessListsResponse page = lists().listAccessLists(
                    ListAccessListsRequest.newBuilder().setPageSize(pageSize).setNextToken(token).build());
            pageSizes.add(page.getAccessListsCount());
            out.addAll(page.getAccessListsList());
            token = page.getNextToken();
        } while (!token.isEmpty());
        return out;
    }

    List<Member> allMembers(int pageSize) {
        pageSizes.clear();
        List<Member> out = new ArrayList<>();
        String token = "";
        do {
            ListAllAccessListMembersResponse page = lists().listAllAccessListMembers(
                    ListAllAccessListMembersRequest.newBuilder().setPageSize(pageSize).setPageToken(token).build());
            pageSizes.add(page.getMembersCount());
            out.addAll(page.getMembersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return out;
    }

    List<Member> membersOf(String list, int pageSize) {
        List<Member> out = new ArrayList<>();
        String token = "";
        do {
            ListAccessListMembersResponse page = lists().listAccessListMembers(ListAccessListMembersRequest.newBuilder()
                    .setAccessList(list).setPageSize(pageSize).setPageToken(token).build());
            out.addAll(page.getMembersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return out;
    }

    List<Review> allReviews(int pageSize) {
        pageSizes.clear();
        List<Review> out = new ArrayList<>();
        String token = "";
        do {
            ListAllAccessListReviewsResponse page = lists().listAllAccessListReviews(
                    ListAllAccessListReviewsRequest.newBuilder().setPageSize(pageSize).setNextToken(token).build());
            pageSizes.add(page.getReviewsCount());
            out.addAll(page.getReviewsList());
            token = page.getNextToken();
        } while (!token.isEmpty());
        return out;
    }

    List<Review> reviewsOf(String list, int pageSize) {
        List<Review> out = new ArrayList<>();
        String token = "";
        do {
            ListAccessListReviewsResponse page = lists().listAccessListReviews(ListAccessListReviewsRequest.newBuilder()
                    .setAccessList(list).setPageSize(pageSize).setNextToken(token).build());
            out.addAll(page.getReviewsList());
            token = page.getNextToken();
        } while (!token.isEmpty());
        return out;
    }
}

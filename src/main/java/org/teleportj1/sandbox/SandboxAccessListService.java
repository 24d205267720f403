package org.teleportj1.sandbox;

import io.grpc.stub.StreamObserver;
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

/** {@code teleport.accesslist.v1.AccessListService}: lists, members and reviews, paged. */
final class SandboxAccessListService extends AccessListServiceGrpc.AccessListServiceImplBase {
    private final SandboxData data;
    private final FaultInjector faults;

    SandboxAccessListService(SandboxData data, FaultInjector faults) {
        this.data = data;
        this.faults = faults;
    }

    @Override
    public void listAccessLists(ListAccessListsRequest request, StreamObserver<ListAccessListsResponse> observer) {
        Responses.unary(observer, () -> {
            Page<AccessList> page = page(data.accessLists, "", request.getPageSize(), PageLimits.ACCESS_LISTS_MAX,
                    request.getNextToken(), false);
            ListAccessListsResponse.Builder response = ListAccessListsResponse.newBuilder()
                    .setNextToken(PageTokens.encode(page.nextKey()));
            page.items().forEach(list -> response.addAccessLists(data.withStatus(list)));
            return response.build();
        });
    }

    @Override
    public void listAllAccessListMembers(ListAllAccessListMembersRequest request,
                                         StreamObserver<ListAllAccessListMembersResponse> observer) {
        Responses.unary(observer, () -> {
            Page<Member> page = page(data.members, "", request.getPageSize(), PageLimits.MEMBERS_MAX,
                    request.getPageToken(), true);
            return ListAllAccessListMembersResponse.newBuilder()
                    .addAllMembers(page.items()).setNextPageToken(PageTokens.encode(page.nextKey())).build();
        });
    }

    @Override
    public void listAccessListMembers(ListAccessListMembersRequest request,
                                      StreamObserver<ListAccessListMembersResponse> observer) {
        Responses.unary(observer, () -> {
            String prefix = existingList(request.getAccessList()) + "/";
            Page<Member> page = page(data.members, prefix, request.getPageSize(), PageLimits.MEMBERS_MAX,
                    request.getPageToken(), false);
            return ListAccessListMembersResponse.newBuilder()
                    .addAllMembers(page.items()).setNextPageToken(PageTokens.encode(page.nextKey())).build();
        });
    }

    @Override
    public void listAllAccessListReviews(ListAllAccessListReviewsRequest request,
                                         StreamObserver<ListAllAccessListReviewsResponse> observer) {
        Responses.unary(observer, () -> {
            Page<Review> page = page(data.reviews, "", request.getPageSize(), PageLimits.REVIEWS_MAX,
                    request.getNextToken(), true);
            return ListAllAccessListReviewsResponse.newBuilder()
                    .addAllReviews(page.items()).setNextToken(PageTokens.encode(page.nextKey())).build();
        });
    }

    @Override
    public void listAccessListReviews(ListAccessListReviewsRequest request,
                                      StreamObserver<ListAccessListReviewsResponse> observer) {
        Responses.unary(observer, () -> {
            String prefix = existingList(request.getAccessList()) + "/";
            Page<Review> page = page(data.reviews, prefix, request.getPageSize(), PageLimits.REVIEWS_MAX,
                    request.getNextToken(), false);
            return ListAccessListReviewsResponse.newBuilder()
                    .addAllReviews(page.items()).setNextToken(PageTokens.encode(page.nextKey())).build();
        });
    }

    /**
     * One page of {@code table} within {@code prefix}. The token is the key of the page's first
     * item; a token from another list (outside the prefix) is refused.
     */
    private <T> Page<T> page(ResourceTable<T> table, String prefix, int requested, int max, String token,
                             boolean hideVanished) {
        int size = PageLimits.clamp(requested, max);
        faults.checkPageSize(size);
        String start = null;
        if (!token.isEmpty()) {
            start = PageTokens.decode(token);
            if (!start.startsWith(prefix)) {
                throw TeleportStatus.badParameter("invalid page token \"" + token + "\"");
            }
        }
        if (!hideVanished) {
            return table.page(prefix, start, true, size);
        }
        return table.page(prefix, start, true, size, key -> faults.vanished(key.substring(0, key.indexOf('/'))));
    }

    private String existingList(String name) {
        if (name.isEmpty()) {
            throw TeleportStatus.badParameter("access_list name is required");
        }
        if (faults.vanished(name) || !data.accessLists.contains(name)) {
            throw TeleportStatus.notFound("access_list", name);
        }
        return name;
    }
}

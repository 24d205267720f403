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
import org.teleportj1.sandbox.TeleportVersion.Quirk;

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
            int size = PageLimits.clamp(request.getPageSize(), PageLimits.ACCESS_LISTS_MAX);
            faults.checkPageSize(size);
            String token = request.getNextToken();
            Page<AccessList> page = data.accessLists.page("", token.isEmpty() ? null : PageTokens.decode(token),
                    true, size);
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
            TeleportVersion version = faults.behaviour().teleportVersion();
            // v14, v15 and the v18.0 cache did not use the token (docs/teleport-api.md §7)
            String token = version.has(Quirk.ALL_MEMBERS_REPEAT_FIRST_PAGE) ? "" : request.getPageToken();
            Page<Member> page = allLists(data.members, request.getPageSize(), PageLimits.MEMBERS_MAX, token);
            String next = page.hasMore() && version.has(Quirk.ALL_MEMBERS_BARE_TOKEN)
                    ? nameOf(page.nextKey()) : orEmpty(page.nextKey());
            return ListAllAccessListMembersResponse.newBuilder()
                    .addAllMembers(page.items()).setNextPageToken(next).build();
        });
    }

    @Override
    public void listAccessListMembers(ListAccessListMembersRequest request,
                                      StreamObserver<ListAccessListMembersResponse> observer) {
        Responses.unary(observer, () -> {
            TeleportVersion version = faults.behaviour().teleportVersion();
            String list = existingList(request.getAccessList());
            Page<Member> page = perList(data.members, list, request.getPageSize(), PageLimits.MEMBERS_MAX,
                    request.getPageToken(), version.has(Quirk.PER_LIST_NO_END));
            String prefix = version.has(Quirk.PER_LIST_DOUBLE_PREFIX) ? list + "/" : "";
            String next = page.hasMore() ? prefix + nameOf(page.nextKey()) : "";
            return ListAccessListMembersResponse.newBuilder()
                    .addAllMembers(page.items()).setNextPageToken(next).build();
        });
    }

    @Override
    public void listAllAccessListReviews(ListAllAccessListReviewsRequest request,
                                         StreamObserver<ListAllAccessListReviewsResponse> observer) {
        Responses.unary(observer, () -> {
            Page<Review> page = allLists(data.reviews, request.getPageSize(), PageLimits.REVIEWS_MAX,
                    request.getNextToken());
            return ListAllAccessListReviewsResponse.newBuilder()
                    .addAllReviews(page.items()).setNextToken(orEmpty(page.nextKey())).build();
        });
    }

    @Override
    public void listAccessListReviews(ListAccessListReviewsRequest request,
                                      StreamObserver<ListAccessListReviewsResponse> observer) {
        Responses.unary(observer, () -> {
            TeleportVersion version = faults.behaviour().teleportVersion();
            String list = existingList(request.getAccessList());
            boolean noEnd = version.has(Quirk.PER_LIST_NO_END) || version.has(Quirk.REVIEWS_PER_LIST_NO_END);
            Page<Review> page = perList(data.reviews, list, request.getPageSize(), PageLimits.REVIEWS_MAX,
                    request.getNextToken(), noEnd);
            return ListAccessListReviewsResponse.newBuilder().addAllReviews(page.items())
                    .setNextToken(page.hasMore() ? nameOf(page.nextKey()) : "").build();
        });
    }

    /**
     * A page of every list's children: the token is the backend key {@code <list>/<name>} of the
     * page's first item, as Teleport's fixed releases hand it out; vanished lists are left out.
     */
    private <T> Page<T> allLists(ResourceTable<T> table, int requested, int max, String token) {
        int size = PageLimits.clamp(requested, max);
        faults.checkPageSize(size);
        return table.page("", token.isEmpty() ? null : token, true, size,
                key -> faults.vanished(key.substring(0, key.indexOf('/'))));
    }

    /**
     * A page of one list's children from {@code <list>/<token>}. Without the range end (older
     * releases, docs/teleport-api.md §7) the page runs on into the lists after it.
     */
    private <T> Page<T> perList(ResourceTable<T> table, String list, int requested, int max, String token,
                                boolean noEnd) {
        int size = PageLimits.clamp(requested, max);
        faults.checkPageSize(size);
        String start = list + "/" + token;
        return noEnd ? table.page("", start, true, size) : table.page(list + "/", start, true, size);
    }

    private static String nameOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    private static String orEmpty(String key) {
        return key == null ? "" : key;
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

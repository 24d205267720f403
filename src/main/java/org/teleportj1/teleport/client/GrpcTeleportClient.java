package org.teleportj1.teleport.client;

import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListServiceGrpc;
import org.teleportj1.proto.accesslist.v1.ListAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.ListAccessListsRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListMembersRequest;
import org.teleportj1.proto.accesslist.v1.ListAllAccessListReviewsRequest;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.auth.AuthServiceGrpc;
import org.teleportj1.proto.auth.GetLocksRequest;
import org.teleportj1.proto.auth.GetUsersRequest;
import org.teleportj1.proto.auth.ListAccessRequestsRequest;
import org.teleportj1.proto.auth.ListRolesRequest;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.machineid.v1.BotInstanceServiceGrpc;
import org.teleportj1.proto.machineid.v1.BotServiceGrpc;
import org.teleportj1.proto.machineid.v1.ListBotInstancesRequest;
import org.teleportj1.proto.machineid.v1.ListBotInstancesV2Request;
import org.teleportj1.proto.machineid.v1.ListBotsRequest;
import org.teleportj1.proto.types.AccessRequestFilter;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.ResourcesWithSecretsRequest;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.users.v1.ListUsersRequest;
import org.teleportj1.proto.users.v1.ListUsersResponse;
import org.teleportj1.proto.users.v1.UsersServiceGrpc;

/**
 * {@link TeleportClient} over one {@link TeleportChannel}. Each listing prefers the paged RPC at
 * the server's maximum page size and falls back to the legacy one on UNIMPLEMENTED; every failure
 * leaves as a {@link TeleportException} from {@link TeleportErrors}.
 */
final class GrpcTeleportClient implements TeleportClient {
    /** Server maximums (docs/teleport-api.md §1.1, §6): fewer pages, fewer ListUsers page boundaries. */
    static final int USERS_PAGE = 1000;
    static final int ROLES_PAGE = 1000;
    static final int ACCESS_LISTS_PAGE = 100;
    static final int MEMBERS_PAGE = 200;
    static final int REVIEWS_PAGE = 200;
    static final int ACCESS_REQUESTS_PAGE = 500;
    static final int BOTS_PAGE = 500;
    static final int BOT_INSTANCES_PAGE = 500;
    /** The GetUsers stream carries every user in one call; give it far longer than a page call. */
    static final Duration MIN_STREAM_TIMEOUT = Duration.ofMinutes(30);

    private static final String PING = AuthServiceGrpc.getPingMethod().getFullMethodName();
    private static final String GET_USERS = AuthServiceGrpc.getGetUsersMethod().getFullMethodName();
    private static final String LIST_ROLES = AuthServiceGrpc.getListRolesMethod().getFullMethodName();
    private static final String GET_ROLES = AuthServiceGrpc.getGetRolesMethod().getFullMethodName();
    private static final String LIST_USERS = UsersServiceGrpc.getListUsersMethod().getFullMethodName();
    private static final String LIST_LISTS = AccessListServiceGrpc.getListAccessListsMethod().getFullMethodName();
    private static final String LIST_MEMBERS = AccessListServiceGrpc.getListAccessListMembersMethod().getFullMethodName();
    private static final String LIST_ALL_MEMBERS =
            AccessListServiceGrpc.getListAllAccessListMembersMethod().getFullMethodName();
    private static final String LIST_REVIEWS = AccessListServiceGrpc.getListAccessListReviewsMethod().getFullMethodName();
    private static final String LIST_ALL_REVIEWS =
            AccessListServiceGrpc.getListAllAccessListReviewsMethod().getFullMethodName();

    private static final String GET_LOCKS = AuthServiceGrpc.getGetLocksMethod().getFullMethodName();
    private static final String LIST_REQUESTS = AuthServiceGrpc.getListAccessRequestsMethod().getFullMethodName();
    private static final String GET_REQUESTS = AuthServiceGrpc.getGetAccessRequestsV2Method().getFullMethodName();
    private static final String LIST_BOTS = BotServiceGrpc.getListBotsMethod().getFullMethodName();
    private static final String LIST_INSTANCES_V2 =
            BotInstanceServiceGrpc.getListBotInstancesV2Method().getFullMethodName();
    private static final String LIST_INSTANCES = BotInstanceServiceGrpc.getListBotInstancesMethod().getFullMethodName();
    private static final String GET_SAML = AuthServiceGrpc.getGetSAMLConnectorsMethod().getFullMethodName();
    private static final String GET_OIDC = AuthServiceGrpc.getGetOIDCConnectorsMethod().getFullMethodName();
    private static final String GET_GITHUB = AuthServiceGrpc.getGetGithubConnectorsMethod().getFullMethodName();
    /** Connectors are always read without their secrets (client secrets, signing keys). */
    private static final ResourcesWithSecretsRequest NO_SECRETS =
            ResourcesWithSecretsRequest.newBuilder().setWithSecrets(false).build();

    private final TeleportChannel channel;
    private final TeleportSettings settings;
    private final ServerQuirks quirks = new ServerQuirks(this::serverVersion);
    private final KnownAccessLists knownLists = new KnownAccessLists();

    GrpcTeleportClient(TeleportChannel channel, TeleportSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    /** The path actually used (auto resolved). */
    ConnectMode mode() {
        return channel.mode();
    }

    @Override
    public PingResponse ping() {
        try {
            return RpcCalls.call(PING, () -> auth().ping(PingRequest.getDefaultInstance()));
        } catch (RpcFailure e) {
            throw TeleportErrors.translate(e, channel, settings);
        }
    }

    @Override
    public WatchStream watch(List<String> kinds, WatchListener listener) {
        return GrpcWatch.start(channel, kinds, listener, java.time.Clock.systemUTC());
    }

    @Override
    public Iterator<List<RoleV6>> roles() {
        return translated(new FallbackPages<>(
                new PagedListing<RoleV6>("roles", ROLES_PAGE, (token, size) -> {
                    var response = RpcCalls.call(LIST_ROLES, () -> auth().listRoles(
                            ListRolesRequest.newBuilder().setLimit(size).setStartKey(token).build()));
                    return new PagedListing.Page<>(response.getRolesList(), response.getNextKey());
                }),
                () -> new ChunkedPages<>(RpcCalls.call(GET_ROLES, () -> auth().getRoles(Empty.getDefaultInstance()))
                        .getRolesList().iterator(), ROLES_PAGE),
                GET_ROLES));
    }

    @Override
    public Iterator<List<UserV2>> users() {
        return translated(new FallbackPages<>(
                new PagedListing<>("users", USERS_PAGE, new UserPages(this::usersPage, quirks)),
                () -> new ChunkedPages<>(userStream(), USERS_PAGE),
                GET_USERS + " (stream)"));
    }

    private PagedListing.Page<UserV2> usersPage(String token, int size) {
        ListUsersResponse response = RpcCalls.call(LIST_USERS, () -> userStub().listUsers(
                ListUsersRequest.newBuilder().setPageSize(size).setPageToken(token).build()));
        return new PagedListing.Page<>(response.getUsersList(), response.getNextPageToken());
    }

    private Iterator<UserV2> userStream() {
        return stream(GET_USERS, () -> AuthServiceGrpc.newBlockingStub(channel.calls())
                .withDeadlineAfter(streamTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .getUsers(GetUsersRequest.newBuilder().setWithSecrets(false).build()));
    }

    /** A server stream carries everything in one call; give it far longer than a page call. */
    private Duration streamTimeout() {
        return settings.callTimeout().compareTo(MIN_STREAM_TIMEOUT) > 0 ? settings.callTimeout() : MIN_STREAM_TIMEOUT;
    }

    /** A server stream, lazily consumed; failures while reading carry the method name. */
    private static <T> Iterator<T> stream(String method, Supplier<Iterator<T>> call) {
        Iterator<T> stream = RpcCalls.call(method, call);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return stream.hasNext();
                } catch (StatusRuntimeException e) {
                    throw new RpcFailure(method, e);
                }
            }

            @Override
            public T next() {
                try {
                    return stream.next();
                } catch (StatusRuntimeException e) {
                    throw new RpcFailure(method, e);
                }
            }
        };
    }

    @Override
    public Iterator<List<AccessList>> accessLists() {
        return translated(knownLists.recording(accessListPages()));
    }

    private Iterator<List<AccessList>> accessListPages() {
        return new PagedListing<>("access lists", ACCESS_LISTS_PAGE, (token, size) -> {
            var response = RpcCalls.call(LIST_LISTS, () -> accessListStub().listAccessLists(
                    ListAccessListsRequest.newBuilder().setPageSize(size).setNextToken(token).build()));
            return new PagedListing.Page<>(response.getAccessListsList(), response.getNextToken());
        });
    }

    /**
     * ListAllAccessListMembers with every page checked; on a violation (docs/teleport-api.md §7)
     * the rest comes from the per-list path, which is also the fallback of servers without it.
     */
    @Override
    public Iterator<List<Member>> accessListMembers() {
        AllListsPageCheck<Member> check = new AllListsPageCheck<>(GrpcTeleportClient::memberKey, knownLists.exists());
        PagedListing.PageSource<Member> all = (token, size) -> {
            var response = RpcCalls.call(LIST_ALL_MEMBERS, () -> accessListStub().listAllAccessListMembers(
                    ListAllAccessListMembersRequest.newBuilder().setPageSize(size).setPageToken(token).build()));
            return new PagedListing.Page<>(response.getMembersList(), response.getNextPageToken());
        };
        return translated(new FallbackPages<>(
                new SelfCheckingPages<>(
                        new PagedListing<>("access list members", MEMBERS_PAGE, SelfCheckingPages.checked(all, check)),
                        check, this::perListMembers, GrpcTeleportClient::memberKey,
                        why -> quirks.detected(ListingQuirk.ALL_MEMBERS_PAGING, why)),
                this::perListMembers,
                LIST_MEMBERS + " per access list"));
    }

    private Iterator<List<Member>> perListMembers() {
        return new PerListPages<>(accessListPages(), this::membersOf, "members");
    }

    private Iterator<List<Member>> membersOf(String list) {
        PagedListing.PageSource<Member> pages = (token, size) -> {
            var response = RpcCalls.call(LIST_MEMBERS, () -> accessListStub().listAccessListMembers(
                    ListAccessListMembersRequest.newBuilder().setAccessList(list).setPageSize(size)
                            .setPageToken(token).build()));
            return new PagedListing.Page<>(response.getMembersList(), response.getNextPageToken());
        };
        return new PagedListing<>("members of access list " + list, MEMBERS_PAGE, new OwnListPages<>(list, pages,
                member -> member.getSpec().getAccessList(), GrpcTeleportClient::memberName, quirks));
    }

    /** ListAllAccessListReviews, checked like the members (see {@link #accessListMembers()}). */
    @Override
    public Iterator<List<Review>> accessListReviews() {
        AllListsPageCheck<Review> check = new AllListsPageCheck<>(GrpcTeleportClient::reviewKey, knownLists.exists());
        PagedListing.PageSource<Review> all = (token, size) -> {
            var response = RpcCalls.call(LIST_ALL_REVIEWS, () -> accessListStub().listAllAccessListReviews(
                    ListAllAccessListReviewsRequest.newBuilder().setPageSize(size).setNextToken(token).build()));
            return new PagedListing.Page<>(response.getReviewsList(), response.getNextToken());
        };
        return translated(new FallbackPages<>(
                new SelfCheckingPages<>(
                        new PagedListing<>("access list reviews", REVIEWS_PAGE, SelfCheckingPages.checked(all, check)),
                        check, this::perListReviews, GrpcTeleportClient::reviewKey,
                        why -> quirks.detected(ListingQuirk.ALL_REVIEWS_PAGING, why)),
                this::perListReviews,
                LIST_REVIEWS + " per access list"));
    }

    private Iterator<List<Review>> perListReviews() {
        return new PerListPages<>(accessListPages(), this::reviewsOf, "reviews");
    }

    private Iterator<List<Review>> reviewsOf(String list) {
        PagedListing.PageSource<Review> pages = (token, size) -> {
            var response = RpcCalls.call(LIST_REVIEWS, () -> accessListStub().listAccessListReviews(
                    ListAccessListReviewsRequest.newBuilder().setAccessList(list).setPageSize(size)
                            .setNextToken(token).build()));
            return new PagedListing.Page<>(response.getReviewsList(), response.getNextToken());
        };
        return new PagedListing<>("reviews of access list " + list, REVIEWS_PAGE, new OwnListPages<>(list, pages,
                review -> review.getSpec().getAccessList(), review -> review.getHeader().getMetadata().getName(),
                quirks));
    }

    @Override
    public Iterator<List<LockV2>> locks() {
        // InForceOnly false: expired locks stay visible, and the builder decides what is in force
        return translated(new CallPages<>(List.of(() -> RpcCalls.call(GET_LOCKS, () -> auth().getLocks(
                GetLocksRequest.newBuilder().setInForceOnly(false).build())).getLocksList())));
    }

    @Override
    public Iterator<List<AccessRequestV3>> accessRequests() {
        return translated(new FallbackPages<>(
                new PagedListing<AccessRequestV3>("access requests", ACCESS_REQUESTS_PAGE, (token, size) -> {
                    var response = RpcCalls.call(LIST_REQUESTS, () -> auth().listAccessRequests(
                            ListAccessRequestsRequest.newBuilder().setFilter(AccessRequestFilter.getDefaultInstance())
                                    .setLimit(size).setStartKey(token).build()));
                    return new PagedListing.Page<>(response.getAccessRequestsList(), response.getNextKey());
                }),
                () -> new ChunkedPages<>(stream(GET_REQUESTS, () -> AuthServiceGrpc.newBlockingStub(channel.calls())
                        .withDeadlineAfter(streamTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .getAccessRequestsV2(AccessRequestFilter.getDefaultInstance())), ACCESS_REQUESTS_PAGE),
                GET_REQUESTS + " (stream)"));
    }

    @Override
    public Iterator<List<Bot>> bots() {
        return translated(new PagedListing<>("bots", BOTS_PAGE, (token, size) -> {
            var response = RpcCalls.call(LIST_BOTS, () -> BotServiceGrpc.newBlockingStub(channel.calls())
                    .withDeadlineAfter(deadlineMillis(), TimeUnit.MILLISECONDS)
                    .listBots(ListBotsRequest.newBuilder().setPageSize(size).setPageToken(token).build()));
            return new PagedListing.Page<>(response.getBotsList(), response.getNextPageToken());
        }));
    }

    @Override
    public Iterator<List<BotInstance>> botInstances() {
        return translated(new FallbackPages<>(
                new PagedListing<BotInstance>("bot instances", BOT_INSTANCES_PAGE, (token, size) -> {
                    var response = RpcCalls.call(LIST_INSTANCES_V2, () -> botInstanceStub().listBotInstancesV2(
                            ListBotInstancesV2Request.newBuilder().setPageSize(size).setPageToken(token).build()));
                    return new PagedListing.Page<>(response.getBotInstancesList(), response.getNextPageToken());
                }),
                () -> new PagedListing<>("bot instances", BOT_INSTANCES_PAGE, (token, size) -> {
                    var response = RpcCalls.call(LIST_INSTANCES, () -> botInstanceStub().listBotInstances(
                            ListBotInstancesRequest.newBuilder().setPageSize(size).setPageToken(token).build()));
                    return new PagedListing.Page<>(response.getBotInstancesList(), response.getNextPageToken());
                }),
                LIST_INSTANCES));
    }

    @Override
    public Iterator<List<Message>> ssoConnectors() {
        return translated(new CallPages<>(List.of(
                () -> RpcCalls.call(GET_SAML, () -> auth().getSAMLConnectors(NO_SECRETS)).getSAMLConnectorsList(),
                () -> RpcCalls.call(GET_OIDC, () -> auth().getOIDCConnectors(NO_SECRETS)).getOIDCConnectorsList(),
                () -> RpcCalls.call(GET_GITHUB, () -> auth().getGithubConnectors(NO_SECRETS))
                        .getGithubConnectorsList())));
    }

    /** Teleport keys a member by its list and its name: {@code <list>/<member>}. */
    private static String memberKey(Member member) {
        return member.getSpec().getAccessList() + "/" + memberName(member);
    }

    private static String memberName(Member member) {
        return member.getSpec().getName().isEmpty() ? member.getHeader().getMetadata().getName()
                : member.getSpec().getName();
    }

    private static String reviewKey(Review review) {
        return review.getSpec().getAccessList() + "/" + review.getHeader().getMetadata().getName();
    }

    /** The server's version for warnings, from Ping; "unknown" when Ping fails. */
    private String serverVersion() {
        try {
            return "v" + ping().getServerVersion();
        } catch (TeleportException e) {
            return "(version unknown)";
        }
    }

    /** The listing bugs detected on this server so far. */
    Set<ListingQuirk> listingQuirks() {
        return quirks.detected();
    }

    @Override
    public List<String> workarounds() {
        String version = serverVersion();
        return quirks.detected().stream()
                .map(quirk -> quirk.description() + "; to remove the workaround, " + quirk.fix(version)).toList();
    }

    // Stubs are cheap; a new one per call gives each call its own deadline.
    private AuthServiceGrpc.AuthServiceBlockingStub auth() {
        return AuthServiceGrpc.newBlockingStub(channel.calls()).withDeadlineAfter(deadlineMillis(), TimeUnit.MILLISECONDS);
    }

    private UsersServiceGrpc.UsersServiceBlockingStub userStub() {
        return UsersServiceGrpc.newBlockingStub(channel.calls()).withDeadlineAfter(deadlineMillis(), TimeUnit.MILLISECONDS);
    }

    private AccessListServiceGrpc.AccessListServiceBlockingStub accessListStub() {
        return AccessListServiceGrpc.newBlockingStub(channel.calls())
                .withDeadlineAfter(deadlineMillis(), TimeUnit.MILLISECONDS);
    }

    private BotInstanceServiceGrpc.BotInstanceServiceBlockingStub botInstanceStub() {
        return BotInstanceServiceGrpc.newBlockingStub(channel.calls())
                .withDeadlineAfter(deadlineMillis(), TimeUnit.MILLISECONDS);
    }

    private long deadlineMillis() {
        return settings.callTimeout().toMillis();
    }

    /**
     * A listing's pages, read ahead ({@link ReadAheadPages}), with Teleport's errors translated. A failed listing
     * fails once: Camel's split asks the iterator again when it releases the exchange, and a second throw there is only
     * logged, as a warning with a stack trace, before the run's own clear error line.
     */
    private <T> Iterator<List<T>> translated(Iterator<List<T>> listing) {
        Iterator<List<T>> pages = new ReadAheadPages<>(listing);
        return new Iterator<>() {
            private boolean failed;

            @Override
            public boolean hasNext() {
                if (failed) {
                    return false;
                }
                try {
                    return pages.hasNext();
                } catch (RpcFailure e) {
                    failed = true;
                    throw TeleportErrors.translate(e, channel, settings);
                }
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return pages.next();
                } catch (RpcFailure e) {
                    failed = true;
                    throw TeleportErrors.translate(e, channel, settings);
                }
            }
        };
    }
}

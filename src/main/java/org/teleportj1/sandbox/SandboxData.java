package org.teleportj1.sandbox;

import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;
import org.teleportj1.proto.accesslist.v1.AccessListStatus;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.header.v1.ResourceHeader;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.GithubConnectorV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.OIDCConnectorV3;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.SAMLConnectorV2;
import org.teleportj1.proto.types.UserV2;

/**
 * The live dataset of a sandbox cluster. Readers (the gRPC services, tests) never lock; writers
 * are serialised so that a list, its memberships and the nesting index change together. Every
 * write stamps a new {@code revision}, as Teleport's backend does, so clients can detect changes.
 */
public final class SandboxData {
    final ResourceTable<UserV2> users = new ResourceTable<>();
    final ResourceTable<RoleV6> roles = new ResourceTable<>();
    final ResourceTable<AccessList> accessLists = new ResourceTable<>();
    /** Key: {@code <list>/<member>}, the order of Teleport's ListAllAccessListMembers. */
    final ResourceTable<Member> members = new ResourceTable<>();
    /** Key: {@code <list>/<review>}. */
    final ResourceTable<Review> reviews = new ResourceTable<>();
    final ResourceTable<LockV2> locks = new ResourceTable<>();
    /** Key: the request id. */
    final ResourceTable<AccessRequestV3> accessRequests = new ResourceTable<>();
    final ResourceTable<Bot> bots = new ResourceTable<>();
    /** Key: {@code <bot>/<instance id>}. */
    final ResourceTable<BotInstance> botInstances = new ResourceTable<>();
    final ResourceTable<SAMLConnectorV2> samlConnectors = new ResourceTable<>();
    final ResourceTable<OIDCConnectorV3> oidcConnectors = new ResourceTable<>();
    final ResourceTable<GithubConnectorV3> githubConnectors = new ResourceTable<>();
    /** parent list → nested member list. */
    final ListLinks nestedMembers = new ListLinks();
    /** owner list → owned list. */
    final ListLinks ownerLists = new ListLinks();

    private final AtomicLong writes = new AtomicLong();
    /** Open WatchEvents streams; every write below tells them. */
    private final SandboxWatches watches = new SandboxWatches();

    /** The cluster's watches, and the test hook to refuse them. */
    public SandboxWatches watches() {
        return watches;
    }

    // ---- reads ----

    public Optional<UserV2> user(String name) {
        return users.get(name);
    }

    public int userCount() {
        return users.size();
    }

    /** All users in name order, built lazily. */
    public Stream<UserV2> users() {
        return users.values();
    }

    public Optional<RoleV6> role(String name) {
        return roles.get(name);
    }

    public int roleCount() {
        return roles.size();
    }

    public Stream<RoleV6> roles() {
        return roles.values();
    }

    /** The list as the server sends it, with its status (counts, member_of, owner_of) computed now. */
    public Optional<AccessList> accessList(String name) {
        return accessLists.get(name).map(this::withStatus);
    }

    public int accessListCount() {
        return accessLists.size();
    }

    public Stream<AccessList> accessLists() {
        return accessLists.values().map(this::withStatus);
    }

    public List<Member> members(String list) {
        return members.valuesWithin(list + "/").collect(Collectors.toList());
    }

    public Optional<Member> member(String list, String name) {
        return members.get(key(list, name));
    }

    /** Memberships of every list (users and nested lists). */
    public int memberCount() {
        return members.size();
    }

    public Stream<Member> allMembers() {
        return members.values();
    }

    public List<Review> reviews(String list) {
        return reviews.valuesWithin(list + "/").collect(Collectors.toList());
    }

    public int reviewCount() {
        return reviews.size();
    }

    public Stream<Review> allReviews() {
        return reviews.values();
    }

    public Stream<LockV2> locks() {
        return locks.values();
    }

    public Stream<AccessRequestV3> accessRequests() {
        return accessRequests.values();
    }

    public Stream<Bot> bots() {
        return bots.values();
    }

    public Stream<BotInstance> botInstances() {
        return botInstances.values();
    }

    /** SAML, OIDC and GitHub connectors, in that order. */
    public Stream<Message> ssoConnectors() {
        return Stream.of(samlConnectors.values(), oidcConnectors.values(), githubConnectors.values())
                .flatMap(connectors -> connectors.map(Message.class::cast));
    }

    // ---- writes ----

    public synchronized void putLock(LockV2 lock) {
        String name = lock.getMetadata().getName();
        requireName("lock", name);
        locks.put(name, lock.toBuilder().setMetadata(lock.getMetadata().toBuilder()
                .setRevision(nextRevision("lock", name))).build());
    }

    public synchronized void putAccessRequest(AccessRequestV3 request) {
        String id = request.getMetadata().getName();
        requireName("access request", id);
        accessRequests.put(id, request.toBuilder().setMetadata(request.getMetadata().toBuilder()
                .setRevision(nextRevision("access_request", id))).build());
    }

    public synchronized void putBot(Bot bot) {
        String name = bot.getMetadata().getName();
        requireName("bot", name);
        bots.put(name, bot.toBuilder().setMetadata(bot.getMetadata().toBuilder()
                .setRevision(nextRevision("bot", name))).build());
    }

    public synchronized void putBotInstance(BotInstance instance) {
        String bot = instance.getSpec().getBotName();
        String id = instance.getSpec().getInstanceId();
        requireName("bot instance's bot", bot);
        requireName("bot instance", id);
        botInstances.put(key(bot, id), instance.toBuilder().setMetadata(instance.getMetadata().toBuilder()
                .setRevision(nextRevision("bot_instance", key(bot, id)))).build());
    }

    /** A SAML, OIDC or GitHub connector. */
    public synchronized void putSsoConnector(Message connector) {
        if (connector instanceof SAMLConnectorV2 saml) {
            samlConnectors.put(saml.getMetadata().getName(), saml);
        } else if (connector instanceof OIDCConnectorV3 oidc) {
            oidcConnectors.put(oidc.getMetadata().getName(), oidc);
        } else if (connector instanceof GithubConnectorV3 github) {
            githubConnectors.put(github.getMetadata().getName(), github);
        } else {
            throw new IllegalArgumentException("not an SSO connector: " + connector.getClass().getName());
        }
    }

    public synchronized void putUser(UserV2 user) {
        String name = user.getMetadata().getName();
        requireName("user", name);
        UserV2 stored = user.toBuilder().setMetadata(user.getMetadata().toBuilder()
                .setRevision(nextRevision("user", name))).build();
        users.put(name, stored);
        watches.put(stored);
    }

    public synchronized boolean removeUser(String name) {
        return deleted("user", name, users.remove(name).isPresent());
    }

    public synchronized void putRole(RoleV6 role) {
        String name = role.getMetadata().getName();
        requireName("role", name);
        RoleV6 stored = role.toBuilder().setMetadata(role.getMetadata().toBuilder()
                .setRevision(nextRevision("role", name))).build();
        roles.put(name, stored);
        watches.put(stored);
    }

    public synchronized boolean removeRole(String name) {
        return deleted("role", name, roles.remove(name).isPresent());
    }

    /** Stores the list without status: status is derived from memberships on every read. */
    public synchronized void putAccessList(AccessList list) {
        String name = list.getHeader().getMetadata().getName();
        requireName("access list", name);
        accessLists.get(name).ifPresent(old -> unlinkOwners(name, old));
        for (AccessListOwner owner : list.getSpec().getOwnersList()) {
            if (owner.getMembershipKind() == TeleportResources.KIND_LIST) {
                ownerLists.link(owner.getName(), name);
            }
        }
        AccessList stored = list.toBuilder().clearStatus()
                .setHeader(revised(list.getHeader(), "access_list")).build();
        accessLists.put(name, stored);
        watches.put(withStatus(stored));
    }

    /** Deletes the list with its memberships and reviews, as Teleport's DeleteAccessList does. */
    public synchronized boolean removeAccessList(String name) {
        Optional<AccessList> removed = accessLists.remove(name);
        removed.ifPresent(old -> unlinkOwners(name, old));
        for (String key : members.keysWithin(name + "/")) {
            members.remove(key);
        }
        for (String key : reviews.keysWithin(name + "/")) {
            reviews.remove(key);
        }
        nestedMembers.unlinkFrom(name);
        return deleted("access_list", name, removed.isPresent());
    }

    public synchronized void putMember(Member member) {
        String list = member.getSpec().getAccessList();
        String name = member.getSpec().getName();
        requireName("member's access list", list);
        requireName("member", name);
        members.remove(key(list, name));
        nestedMembers.unlink(list, name);
        if (member.getSpec().getMembershipKind() == TeleportResources.KIND_LIST) {
            nestedMembers.link(list, name);
        }
        Member stored = member.toBuilder()
                .setHeader(revised(member.getHeader(), "access_list_member")).build();
        members.put(key(list, name), stored);
        watches.put(stored);
    }

    public synchronized boolean removeMember(String list, String name) {
        nestedMembers.unlink(list, name);
        return deleted("access_list_member", name, members.remove(key(list, name)).isPresent());
    }

    public synchronized void putReview(Review review) {
        String list = review.getSpec().getAccessList();
        String name = review.getHeader().getMetadata().getName();
        requireName("review's access list", list);
        requireName("review", name);
        Review stored = review.toBuilder()
                .setHeader(revised(review.getHeader(), "access_list_review")).build();
        reviews.put(key(list, name), stored);
        watches.put(stored);
    }

    public synchronized boolean removeReview(String list, String name) {
        return deleted("access_list_review", name, reviews.remove(key(list, name)).isPresent());
    }

    private boolean deleted(String kind, String name, boolean removed) {
        if (removed) {
            watches.deleted(kind, name);
        }
        return removed;
    }

    // ---- used by the generator: resources rebuilt from their index on every read ----

    void putGeneratedUser(String name, Supplier<UserV2> user) {
        users.putLazy(name, user);
    }

    void putGeneratedRole(String name, Supplier<RoleV6> role) {
        roles.putLazy(name, role);
    }

    void putGeneratedAccessList(String name, List<String> ownerLists, Supplier<AccessList> list) {
        for (String owner : ownerLists) {
            this.ownerLists.link(owner, name);
        }
        accessLists.putLazy(name, list);
    }

    /** User memberships only; nested memberships go through {@link #putMember} for the index. */
    void putGeneratedMember(String list, String user, Supplier<Member> member) {
        members.putLazy(key(list, user), member);
    }

    void putGeneratedReview(String list, String name, Supplier<Review> review) {
        reviews.putLazy(key(list, name), review);
    }

    /** The revision a generated resource carries until it is first written. */
    static String initialRevision(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + "/" + name + "/0").getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String key(String list, String name) {
        return list + "/" + name;
    }

    AccessList withStatus(AccessList list) {
        String name = list.getHeader().getMetadata().getName();
        int nested = nestedMembers.targets(name).size();
        return list.toBuilder().setStatus(AccessListStatus.newBuilder()
                .setMemberCount(members.countWithin(name + "/") - nested)
                .setMemberListCount(nested)
                .addAllMemberOf(nestedMembers.sources(name))
                .addAllOwnerOf(ownerLists.targets(name))).build();
    }

    private void unlinkOwners(String name, AccessList old) {
        for (AccessListOwner owner : old.getSpec().getOwnersList()) {
            ownerLists.unlink(owner.getName(), name);
        }
    }

    private ResourceHeader revised(ResourceHeader header, String kind) {
        String name = header.getMetadata().getName();
        return header.toBuilder().setMetadata(header.getMetadata().toBuilder()
                .setRevision(nextRevision(kind, name))).build();
    }

    // Deterministic (a function of the write sequence) so two sandboxes fed the same writes agree.
    private String nextRevision(String kind, String name) {
        long sequence = writes.incrementAndGet();
        return UUID.nameUUIDFromBytes((kind + "/" + name + "/" + sequence).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void requireName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " has no name");
        }
    }
}

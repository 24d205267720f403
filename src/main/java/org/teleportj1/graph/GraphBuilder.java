package org.teleportj1.graph;

import com.google.protobuf.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/**
 * Turns one run's Teleport pages into J1 entities and relationships. Pages arrive in the order
 * roles, locks, access requests, users, access lists, members, reviews, bots, bot instances, SSO
 * connectors (locks and requests before users: a user's {@code locked} depends on both);
 * {@link #complete()} emits what needs the whole cluster (owner lists, stub users, effective
 * access, escalation edges, lock edges).
 *
 * <p>Each page's objects go to the sink during the page call. Between pages only compact state is
 * kept: role names and patterns, user names (each once, in {@link Names}; sets of users are
 * bit sets of their ids), and the {@link AccessGraph}. Mapping itself is done
 * by the pure mappers; this class only orchestrates and remembers names. Not thread-safe: one
 * builder per run, fed by one thread.
 */
public final class GraphBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(GraphBuilder.class);
    private static final int MAX_LOGGED_PROBLEMS = 20;
    /** Objects emitted by {@link #complete(Runnable)} between two checkpoints. */
    static final int CHECKPOINT_EVERY = 5_000;

    private final MappingContext context;
    private final GraphSink sink;
    private final GraphStats stats = new GraphStats();

    private final Set<String> roleNames = new LinkedHashSet<>();
    private final List<RoleRules> roleRules = new ArrayList<>();
    /** Every user name the run met (listed or referenced), each once; the sets below hold ids. */
    private final Names users = new Names();
    private final BitSet listed = new BitSet();
    /** The listed users in the order Teleport listed them. */
    private final Ints listingOrder = new Ints();
    private final BitSet sso = new BitSet();
    /** Users referenced while not listed, in the order first referenced: the stub candidates. */
    private final BitSet referenced = new BitSet();
    private final Ints referenceOrder = new Ints();
    private final KeySet reviewKeys = new KeySet();
    private final AccessGraph accessGraph = new AccessGraph(users);
    private final Map<String, Instant> remembered = new LinkedHashMap<>();
    private final LockIndex lockIndex = new LockIndex();
    /** In-force locks on a user or role, drawn once every user (stubs included) is known. */
    private final List<LockEdge> lockEdges = new ArrayList<>();
    private final Set<String> lockNames = new HashSet<>();
    /** Roles approved requests grant now, by user. */
    private final Map<String, List<TemporaryGrant>> temporaryGrants = new LinkedHashMap<>();
    private final Set<String> requestIds = new HashSet<>();
    /** Promoted requests: request key → the access list it became (lists are read later). */
    private final Map<String, String> promotedRequests = new LinkedHashMap<>();
    private final Set<String> botNames = new HashSet<>();
    private final Set<String> botInstanceKeys = new HashSet<>();
    private final Set<String> connectorKeys = new HashSet<>();
    private final Set<String> ssoMissingRoles = new LinkedHashSet<>();
    private final Set<String> ssoPatternValues = new LinkedHashSet<>();
    private boolean accountDone;
    private boolean completed;
    private Runnable checkpoint;
    private int sinceCheckpoint;

    public GraphBuilder(ClusterInfo cluster, GraphSink sink) {
        this(cluster, GraphOptions.DEFAULTS, sink);
    }

    public GraphBuilder(ClusterInfo cluster, GraphOptions options, GraphSink sink) {
        this.context = new MappingContext(cluster, options);
        this.sink = sink;
    }

    /** Emits the {@code teleport_account} entity (once; the page methods call it if needed). */
    public void account() {
        if (!accountDone) {
            accountDone = true;
            send(AccountMapper.account(context));
        }
    }

    public void roles(List<RoleV6> page) {
        beforePage();
        for (RoleV6 role : page) {
            String name = role.getMetadata().getName();
            if (!roleNames.add(name)) {
                duplicate("role", name);
                continue;
            }
            roleRules.add(RoleRules.of(role));
            send(RoleMapper.role(role, context));
        }
    }

    public void users(List<UserV2> page) {
        beforePage();
        for (UserV2 user : page) {
            String name = user.getMetadata().getName();
            int id = users.add(name);
            if (listed.get(id)) {
                duplicate("user", name);
                continue;
            }
            listed.set(id);
            listingOrder.add(id);
            if (!"local".equals(UserMapper.authType(user.getSpec()))) {
                sso.set(id);
            }
            GraphFragment fragment = UserMapper.user(user, context, roleNames::contains, lockOf(user));
            stats.danglingReferencesSkipped += missingRoles(user.getSpec().getRolesList().stream().distinct().toList());
            send(fragment);
        }
    }

    public void accessLists(List<AccessList> page) {
        beforePage();
        for (AccessList list : page) {
            String name = list.getHeader().getMetadata().getName();
            if (!accessGraph.addList(list)) {
                duplicate("access list", name);
                continue;
            }
            for (AccessListOwner owner : list.getSpec().getOwnersList()) {
                if (owner.getMembershipKind() != AccessListMapper.KIND_LIST) {
                    reference(owner.getName());
                }
            }
            List<String> granted = new ArrayList<>(list.getSpec().getGrants().getRolesList().stream().distinct().toList());
            granted.addAll(list.getSpec().getOwnerGrants().getRolesList().stream().distinct().toList());
            stats.danglingReferencesSkipped += missingRoles(granted);
            send(AccessListMapper.accessList(list, context, roleNames::contains));
        }
    }

    public void members(List<Member> page) {
        beforePage();
        for (Member member : page) {
            String list = member.getSpec().getAccessList();
            String name = member.getSpec().getName();
            boolean nested = MemberMapper.isNestedList(member);
            if (!accessGraph.hasList(list) || nested && !accessGraph.hasList(name)) {
                stats.danglingReferencesSkipped++;
                LOG.debug("member {} of access list {} skipped: list not part of this sync", name, list);
                continue;
            }
            if (!accessGraph.addMember(list, name, nested, MemberMapper.grants(member, context.syncMillis()))) {
                duplicate("access list member", list + "/" + name);
                continue;
            }
            if (!nested) {
                reference(name);
            }
            relationship(MemberMapper.membership(member, context));
        }
    }

    public void reviews(List<Review> page) {
        beforePage();
        for (Review review : page) {
            String list = review.getSpec().getAccessList();
            String key = context.keys().review(list, review.getHeader().getMetadata().getName());
            if (!reviewKeys.add(key)) {
                duplicate("access list review", key);
                continue;
            }
            String title = accessGraph.title(list);
            if (title == null) {
                stats.danglingReferencesSkipped++;
            }
            review.getSpec().getReviewersList().forEach(this::reference);
            send(ReviewMapper.review(review, context, title));
        }
    }

    /** Locks; before users, whose {@code locked} they decide. */
    public void locks(List<LockV2> page) {
        beforePage();
        for (LockV2 lock : page) {
            String name = lock.getMetadata().getName();
            if (!lockNames.add(name)) {
                duplicate("lock", name);
                continue;
            }
            send(LockMapper.lock(lock, context));
            LockMapper.Target whole = LockMapper.wholeIdentity(lock);
            if (whole != null) {
                if (LockMapper.inForce(lock, context.syncMillis())) {
                    lockIndex.add(whole, name);
                }
                lockEdges.add(new LockEdge(context.keys().lock(name), whole));
            }
        }
    }

    /** Access requests; before users (an approved request's roles can be locked). */
    public void accessRequests(List<AccessRequestV3> page) {
        beforePage();
        for (AccessRequestV3 request : page) {
            String id = request.getMetadata().getName();
            if (!requestIds.add(id)) {
                duplicate("access request", id);
                continue;
            }
            String key = context.keys().accessRequest(id);
            String user = request.getSpec().getUser();
            if (!user.isEmpty()) {
                reference(user);
            }
            AccessRequestMapper.reviewers(request).forEach(this::reference);
            GraphFragment fragment = AccessRequestMapper.request(request, context);
            List<String> roles = request.getSpec().getRolesList().stream().distinct().toList();
            for (String role : roles) {
                if (roleNames.contains(role)) {
                    fragment.relationship(context.relationship(RelationshipType.ACCESS_REQUEST_HAS_ROLE, key,
                            context.keys().role(role)));
                } else {
                    stats.danglingReferencesSkipped++;
                }
            }
            send(fragment);
            if (!user.isEmpty() && AccessRequestMapper.inForce(request, context.syncMillis())) {
                Long expiresOn = TeleportTime.millis(request.getSpec().getExpires());
                for (String role : roles) {
                    temporaryGrants.computeIfAbsent(user, u -> new ArrayList<>())
                            .add(new TemporaryGrant(role, id, expiresOn));
                }
            }
            String promoted = AccessRequestMapper.promotedList(request);
            if (promoted != null) {
                promotedRequests.put(key, promoted);
            }
        }
    }

    /** Bots; after users, so a bot's user that Teleport did not list becomes a stub user. */
    public void bots(List<Bot> page) {
        beforePage();
        for (Bot bot : page) {
            String name = bot.getMetadata().getName();
            if (!botNames.add(name)) {
                duplicate("bot", name);
                continue;
            }
            String key = context.keys().bot(name);
            String user = BotMapper.userName(bot);
            reference(user);
            GraphFragment fragment = BotMapper.bot(bot, context)
                    .relationship(context.relationship(RelationshipType.BOT_IS_USER, key, context.keys().user(user)));
            for (String role : bot.getSpec().getRolesList().stream().distinct().toList()) {
                if (roleNames.contains(role)) {
                    fragment.relationship(context.relationship(RelationshipType.BOT_ASSIGNED_ROLE, key,
                            context.keys().role(role)));
                } else {
                    stats.danglingReferencesSkipped++;
                }
            }
            send(fragment);
        }
    }

    /** Bot instances; after bots, whose edge to them needs the bot listed. */
    public void botInstances(List<BotInstance> page) {
        beforePage();
        for (BotInstance instance : page) {
            String bot = instance.getSpec().getBotName();
            String key = context.keys().botInstance(bot, instance.getSpec().getInstanceId());
            if (!botInstanceKeys.add(key)) {
                duplicate("bot instance", key);
                continue;
            }
            GraphFragment fragment = BotMapper.instance(instance, context);
            if (botNames.contains(bot)) {
                fragment.relationship(context.relationship(RelationshipType.BOT_HAS_INSTANCE,
                        context.keys().bot(bot), key));
            } else {
                stats.danglingReferencesSkipped++;
            }
            send(fragment);
        }
    }

    /**
     * SAML, OIDC and GitHub connectors. A mapping to a role this sync did not list, and a pattern
     * value no group name can match, are reported once each at {@link #complete()}, never fatal.
     */
    public void ssoConnectors(List<? extends Message> page) {
        beforePage();
        for (Message connector : page) {
            SsoConnectorMapper.Result result = SsoConnectorMapper.connector(connector, context, roleNames::contains);
            String key = (String) result.fragment().entities().get(0).get("_key");
            if (!connectorKeys.add(key)) {
                duplicate("SSO connector", key);
                continue;
            }
            ssoMissingRoles.addAll(result.missingRoles());
            ssoPatternValues.addAll(result.patternValues());
            send(result.fragment());
        }
    }

    /**
     * Users listed in earlier runs, with when they were last seen (from the local state of earlier
     * runs). Those not listed now and seen within the retention window are kept as inactive users
     * with {@code lastSeenOn}, so J1 does not delete and recreate SSO users between logins. Call
     * before {@link #complete()}.
     */
    public void rememberUsers(Map<String, Instant> lastSeen) {
        beforePage();
        remembered.putAll(lastSeen);
    }

    /** Names of the users Teleport listed in this run, in the order listed (a view). */
    public Set<String> listedUserNames() {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object name) {
                return name instanceof String user && isListed(user);
            }

            @Override
            public Iterator<String> iterator() {
                return namesOf(listingOrder).iterator();
            }

            @Override
            public int size() {
                return listingOrder.size();
            }
        };
    }

    /**
     * What to remember for the next run, given what was remembered before this one: the SSO users
     * listed now, seen now; the earlier ones not listed now, as long as the retention window keeps
     * them. A user now listed as a local user is not remembered: local users do not vanish between
     * logins, so one that is gone was deleted.
     */
    public Map<String, Instant> usersToRemember(Map<String, Instant> before) {
        Instant now = context.cluster().syncTime();
        Instant oldest = now.minus(context.options().userRetention());
        Map<String, Instant> next = new TreeMap<>();
        before.forEach((name, lastSeen) -> {
            if (!isListed(name) && !lastSeen.isBefore(oldest)) {
                next.put(name, lastSeen);
            }
        });
        sso.stream().forEach(id -> next.put(users.name(id), now));
        return next;
    }

    /**
     * Like {@link #complete()}, but runs {@code checkpoint} after every few thousand objects it
     * emits, so the caller can deliver the batches that filled up meanwhile instead of holding the
     * whole completion (at 100k users about 560k relationships, some 290 MB of JSON) until it ends.
     */
    public void complete(Runnable checkpoint) {
        this.checkpoint = checkpoint;
        try {
            complete();
        } finally {
            this.checkpoint = null;
        }
    }

    /** Emits what needs the whole cluster. Call once, after the last page. */
    public void complete() {
        beforePage();
        completed = true;
        linkOwnerLists();
        AllUsers all = new AllUsers();
        emitRememberedUsers(all);
        emitStubUsers(all);
        emitEffectiveAccess();
        emitTemporaryAccess(all);
        emitLockEdges(all);
        emitPromotions();
        emitEscalations(all);
        stats.ssoMissingRoles = ssoMissingRoles.size();
        warnEach("SSO connector mapping grants a role that does not exist (nothing granted): {}", ssoMissingRoles);
        warnEach("SSO connector mapping value is a pattern, so no IdP group is linked by name: {}", ssoPatternValues);
        LOG.info("graph of cluster {} complete: {}", context.cluster().clusterName(), stats);
    }

    public GraphStats stats() {
        return stats;
    }

    private void linkOwnerLists() {
        List<AccessGraph.OwnerList> all = accessGraph.ownerLists();
        List<AccessGraph.OwnerList> resolved = accessGraph.resolveOwnerLists();
        stats.danglingReferencesSkipped += all.size() - resolved.size();
        for (AccessGraph.OwnerList owner : resolved) {
            relationship(AccessListMapper.ownerList(context, owner.owner(), owner.owned(), owner.ineligibleStatus()));
        }
    }

    private void emitRememberedUsers(AllUsers all) {
        Instant oldest = context.cluster().syncTime().minus(context.options().userRetention());
        for (Map.Entry<String, Instant> user : remembered.entrySet()) {
            if (!all.contains(user.getKey()) && !user.getValue().isBefore(oldest)) {
                all.add(users.add(user.getKey()));
                stats.rememberedUsers++;
                send(UserMapper.remembered(user.getKey(), user.getValue().toEpochMilli(), context));
            }
        }
    }

    private void emitStubUsers(AllUsers all) {
        for (int i = 0; i < referenceOrder.size(); i++) {
            int id = referenceOrder.get(i);
            if (!all.contains(id)) {
                all.add(id);
                stats.stubUsers++;
                send(UserMapper.stub(users.name(id), context));
            }
        }
        if (stats.stubUsers > 0) {
            LOG.info("{} users referenced by access lists or reviews are not listed by Teleport; "
                    + "added as inactive users", stats.stubUsers);
        }
    }

    private void emitEffectiveAccess() {
        EffectiveAccess access = new EffectiveAccess(accessGraph, context.options().maxNestingDepth());
        access.grants((user, role, list, inherited, asOwner) -> {
            if (!roleNames.contains(role)) {
                return; // counted when the list was mapped
            }
            relationship(context.relationship(RelationshipType.USER_ASSIGNED_ROLE, context.keys().user(user),
                            context.keys().role(role), list, asOwner ? "owner" : "member")
                    .put("grantedBy", "access_list")
                    .put("accessList", list)
                    .put("inherited", inherited)
                    .put("asOwner", asOwner)
                    .put("roleLockedBy", lockIndex.roleLock(role)));
        });
        stats.nestingCycles = access.cycles().size();
        stats.nestingPathsCut = access.cutPaths().size();
        warnEach("access list nesting cycle (not followed again): {}", access.cycles());
        warnEach("access list nesting deeper than " + context.options().maxNestingDepth()
                + " levels (not followed): {}", access.cutPaths());
    }

    /** Roles that approved requests grant now: effective access until the request's expiry. */
    private void emitTemporaryAccess(AllUsers all) {
        temporaryGrants.forEach((user, grants) -> {
            for (TemporaryGrant grant : grants) {
                if (!roleNames.contains(grant.role()) || !all.contains(user)) {
                    continue; // counted when the request was mapped
                }
                relationship(context.relationship(RelationshipType.USER_ASSIGNED_ROLE, context.keys().user(user),
                                context.keys().role(grant.role()), "access_request", grant.requestId())
                        .put("grantedBy", "access_request")
                        .put("accessRequest", grant.requestId())
                        .put("temporary", true)
                        .put("expiresOn", grant.expiresOn())
                        .put("inherited", false)
                        .put("asOwner", false)
                        .put("roleLockedBy", lockIndex.roleLock(grant.role())));
            }
        });
    }

    private void emitLockEdges(AllUsers all) {
        for (LockEdge edge : lockEdges) {
            boolean user = edge.target().kind().equals("user");
            String name = edge.target().name();
            if (user ? !all.contains(name) : !roleNames.contains(name)) {
                stats.danglingReferencesSkipped++;
                continue;
            }
            relationship(context.relationship(user ? RelationshipType.LOCK_RESTRICTS_USER
                    : RelationshipType.LOCK_RESTRICTS_ROLE, edge.lockKey(),
                    user ? context.keys().user(name) : context.keys().role(name)));
        }
    }

    private void emitPromotions() {
        promotedRequests.forEach((requestKey, list) -> {
            if (accessGraph.hasList(list)) {
                relationship(context.relationship(RelationshipType.ACCESS_REQUEST_CREATED_ACCESS_LIST, requestKey,
                        context.keys().accessList(list)));
            } else {
                stats.danglingReferencesSkipped++;
            }
        });
    }

    private void emitEscalations(AllUsers all) {
        NameIndex roleIndex = NameIndex.of(roleNames);
        NameIndex userIndex = NameIndex.of(all.names());
        for (RoleRules role : roleRules) {
            String fromKey = context.keys().role(role.name());
            stats.unresolvedPatterns += RoleEscalation.expand(role, roleIndex, userIndex,
                    (from, escalation, target, pattern) -> {
                        boolean toUser = escalation.targetsUsers();
                        RelationshipType type = toUser ? RelationshipType.ROLE_ALLOWS_USER
                                : RelationshipType.ROLE_ALLOWS_ROLE;
                        String toKey = toUser ? context.keys().user(target) : context.keys().role(target);
                        relationship(context.relationship(type, fromKey, toKey, escalation.action())
                                .put("action", escalation.action())
                                .put("pattern", pattern));
                    });
        }
    }

    /** The in-force lock on the user or on a role it holds directly or by an approved request. */
    private String lockOf(UserV2 user) {
        if (lockIndex.isEmpty()) {
            return null; // the common case: no per-user lists at 100k users
        }
        String name = user.getMetadata().getName();
        List<String> held = new ArrayList<>(user.getSpec().getRolesList());
        temporaryGrants.getOrDefault(name, List.of()).forEach(grant -> held.add(grant.role()));
        return lockIndex.lockOf(name, held);
    }

    /**
     * Every user of the graph: the listed ones, then those completion adds (remembered, stubs), in
     * that order. It shares the listing order instead of copying a million names.
     */
    private final class AllUsers {
        private final BitSet ids = (BitSet) listed.clone();
        private final Ints added = new Ints();

        boolean contains(int id) {
            return ids.get(id);
        }

        boolean contains(String name) {
            int id = users.id(name);
            return id >= 0 && ids.get(id);
        }

        void add(int id) {
            ids.set(id);
            added.add(id);
        }

        /** The names in order, a view: what escalation patterns are matched against. */
        List<String> names() {
            return new AbstractList<>() {
                @Override
                public String get(int index) {
                    int listedCount = listingOrder.size();
                    return users.name(index < listedCount ? listingOrder.get(index) : added.get(index - listedCount));
                }

                @Override
                public int size() {
                    return listingOrder.size() + added.size();
                }
            };
        }
    }

    /** The names of {@code ids}, a view. */
    private List<String> namesOf(Ints ids) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return users.name(ids.get(index));
            }

            @Override
            public int size() {
                return ids.size();
            }
        };
    }

    private boolean isListed(String name) {
        int id = users.id(name);
        return id >= 0 && listed.get(id);
    }

    private record LockEdge(String lockKey, LockMapper.Target target) {
    }

    private record TemporaryGrant(String role, String requestId, Long expiresOn) {
    }

    private void warnEach(String message, Set<String> problems) {
        int logged = 0;
        for (String problem : problems) {
            if (logged++ == MAX_LOGGED_PROBLEMS) {
                LOG.warn("... and {} more like this", problems.size() - MAX_LOGGED_PROBLEMS);
                return;
            }
            LOG.warn(message, problem);
        }
    }

    private int missingRoles(List<String> roles) {
        int missing = 0;
        for (String role : roles) {
            if (!roleNames.contains(role)) {
                missing++;
            }
        }
        return missing;
    }

    private void reference(String user) {
        int id = users.add(user);
        if (!listed.get(id) && !referenced.get(id)) {
            referenced.set(id);
            referenceOrder.add(id);
        }
    }

    private void duplicate(String kind, String name) {
        stats.duplicatesSkipped++;
        LOG.debug("{} {} listed twice in this run; keeping the first", kind, name);
    }

    private void beforePage() {
        if (completed) {
            throw new IllegalStateException("complete() was already called for this run");
        }
        account();
    }

    private void send(GraphFragment fragment) {
        stats.entities += fragment.entities().size();
        stats.relationships += fragment.relationships().size();
        fragment.sendTo(sink);
        emitted(fragment.entities().size() + fragment.relationships().size());
    }

    private void relationship(GraphObject relationship) {
        stats.relationships++;
        sink.relationship(relationship.toMap());
        emitted(1);
    }

    private void emitted(int objects) {
        if (checkpoint != null) {
            sinceCheckpoint += objects;
            if (sinceCheckpoint >= CHECKPOINT_EVERY) {
                sinceCheckpoint = 0;
                checkpoint.run();
            }
        }
    }
}

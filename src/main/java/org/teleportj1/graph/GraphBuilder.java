package org.teleportj1.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/**
 * Turns one run's Teleport pages into J1 entities and relationships. Pages arrive in the order
 * roles, users, access lists, members, reviews; {@link #complete()} emits what needs the whole
 * cluster (owner lists, stub users, effective access, escalation edges).
 *
 * <p>Each page's objects go to the sink during the page call. Between pages only compact state is
 * kept: role names and patterns, user names, and the {@link AccessGraph}. Mapping itself is done
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
    private final Set<String> listedUsers = new LinkedHashSet<>();
    private final Set<String> ssoUsers = new HashSet<>();
    private final Set<String> referencedUsers = new LinkedHashSet<>();
    private final Set<String> reviewKeys = new HashSet<>();
    private final AccessGraph accessGraph = new AccessGraph();
    private final Map<String, Instant> remembered = new LinkedHashMap<>();
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
            if (!listedUsers.add(name)) {
                duplicate("user", name);
                continue;
            }
            if (!"local".equals(UserMapper.authType(user.getSpec()))) {
                ssoUsers.add(name);
            }
            GraphFragment fragment = UserMapper.user(user, context, roleNames::contains);
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

    /** Names of the users Teleport listed in this run. */
    public Set<String> listedUserNames() {
        return Collections.unmodifiableSet(listedUsers);
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
            if (!listedUsers.contains(name) && !lastSeen.isBefore(oldest)) {
                next.put(name, lastSeen);
            }
        });
        ssoUsers.forEach(name -> next.put(name, now));
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
        Set<String> allUsers = new LinkedHashSet<>(listedUsers);
        emitRememberedUsers(allUsers);
        emitStubUsers(allUsers);
        emitEffectiveAccess();
        emitEscalations(allUsers);
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

    private void emitRememberedUsers(Set<String> allUsers) {
        Instant oldest = context.cluster().syncTime().minus(context.options().userRetention());
        for (Map.Entry<String, Instant> user : remembered.entrySet()) {
            if (!allUsers.contains(user.getKey()) && !user.getValue().isBefore(oldest)) {
                allUsers.add(user.getKey());
                stats.rememberedUsers++;
                send(UserMapper.remembered(user.getKey(), user.getValue().toEpochMilli(), context));
            }
        }
    }

    private void emitStubUsers(Set<String> allUsers) {
        for (String name : referencedUsers) {
            if (allUsers.add(name)) {
                stats.stubUsers++;
                send(UserMapper.stub(name, context));
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
                    .put("asOwner", asOwner));
        });
        stats.nestingCycles = access.cycles().size();
        stats.nestingPathsCut = access.cutPaths().size();
        warnEach("access list nesting cycle (not followed again): {}", access.cycles());
        warnEach("access list nesting deeper than " + context.options().maxNestingDepth()
                + " levels (not followed): {}", access.cutPaths());
    }

    private void emitEscalations(Collection<String> allUsers) {
        for (RoleRules role : roleRules) {
            String fromKey = context.keys().role(role.name());
            stats.unresolvedPatterns += RoleEscalation.expand(role, roleNames, allUsers,
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
        if (!listedUsers.contains(user)) {
            referencedUsers.add(user);
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

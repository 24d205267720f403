package org.teleportj1.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which users hold which roles through access lists: members (directly or through nested lists)
 * get the list's grants, owners (directly or as members of an owner list) its owner grants. Only
 * eligible, unexpired memberships count; {@link AccessGraph} keeps only those.
 *
 * <p>Nested lists are walked breadth first with a visited set, so a cycle cannot loop and a user
 * reached directly is reported as not inherited. Nesting deeper than the limit is not followed.
 * Cycles and cut paths are collected (each once) so the caller can warn about them once.
 */
public final class EffectiveAccess {

    /** Receives one effective grant. */
    @FunctionalInterface
    public interface GrantConsumer {
        void grant(String user, String role, String accessList, boolean inherited, boolean asOwner);
    }

    private final AccessGraph graph;
    private final int maxDepth;
    private final Set<String> cycles = new LinkedHashSet<>();
    private final Set<String> cutPaths = new LinkedHashSet<>();
    /*
     * Which walk last reached each user and each list: a new walk takes a new stamp instead of a
     * new set, so fifty thousand lists do not each allocate a set of boxed ids.
     */
    private int[] userStamps;
    private int[] listStamps;
    private int userStamp;
    private int listStamp;

    public EffectiveAccess(AccessGraph graph, int maxDepth) {
        this.graph = graph;
        this.maxDepth = maxDepth;
    }

    /** Emits every grant; call once. */
    public void grants(GrantConsumer out) {
        findCycles();
        userStamps = new int[graph.userCount()];
        listStamps = new int[graph.listCount()];
        for (int index = 0; index < graph.listCount(); index++) {
            AccessGraph.ListNode list = graph.list(index);
            if (list.grants.length > 0) {
                int seen = ++userStamp;
                walkMembers(index, 0, (user, depth) -> {
                    if (firstReach(user, seen)) {
                        for (String role : list.grants) {
                            out.grant(graph.userName(user), role, list.name, depth > 0, false);
                        }
                    }
                });
            }
            if (list.ownerGrants.length > 0) {
                int seen = ++userStamp;
                for (int i = 0; i < list.ownerUsers.size(); i++) {
                    int user = list.ownerUsers.get(i);
                    if (firstReach(user, seen)) {
                        for (String role : list.ownerGrants) {
                            out.grant(graph.userName(user), role, list.name, false, true);
                        }
                    }
                }
                for (int i = 0; i < list.resolvedOwnerLists.size(); i++) {
                    // members of an owner list are owners one level down
                    walkMembers(list.resolvedOwnerLists.get(i), 1, (user, depth) -> {
                        if (firstReach(user, seen)) {
                            for (String role : list.ownerGrants) {
                                out.grant(graph.userName(user), role, list.name, true, true);
                            }
                        }
                    });
                }
            }
        }
    }

    /** Each nesting cycle found, as "a -> b -> a". */
    public Set<String> cycles() {
        return cycles;
    }

    /** Each nesting edge not followed because it was too deep, as "parent -> child". */
    public Set<String> cutPaths() {
        return cutPaths;
    }

    private interface MemberVisitor {
        void visit(int user, int depth);
    }

    /** Marks the user reached by the walk {@code stamp}; false when it already was. */
    private boolean firstReach(int user, int stamp) {
        if (userStamps[user] == stamp) {
            return false;
        }
        userStamps[user] = stamp;
        return true;
    }

    private void walkMembers(int root, int rootDepth, MemberVisitor visitor) {
        int visited = ++listStamp;
        listStamps[root] = visited;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {root, rootDepth});
        while (!queue.isEmpty()) {
            int[] next = queue.poll();
            AccessGraph.ListNode list = graph.list(next[0]);
            for (int i = 0; i < list.memberUsers.size(); i++) {
                visitor.visit(list.memberUsers.get(i), next[1]);
            }
            for (int i = 0; i < list.memberLists.size(); i++) {
                int child = list.memberLists.get(i);
                if (listStamps[child] == visited) {
                    continue;
                }
                if (next[1] + 1 > maxDepth) {
                    cutPaths.add(list.name + " -> " + graph.list(child).name);
                    continue;
                }
                listStamps[child] = visited;
                queue.add(new int[] {child, next[1] + 1});
            }
        }
    }

    /** Iterative depth-first search over granting nested memberships; each back edge is a cycle. */
    private void findCycles() {
        int count = graph.listCount();
        byte[] state = new byte[count]; // 0 new, 1 on the current path, 2 done
        int[] parent = new int[count];
        for (int start = 0; start < count; start++) {
            if (state[start] != 0) {
                continue;
            }
            ArrayDeque<int[]> stack = new ArrayDeque<>(); // {list, next child position}
            stack.push(new int[] {start, 0});
            state[start] = 1;
            parent[start] = -1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                AccessGraph.ListNode list = graph.list(top[0]);
                if (top[1] >= list.memberLists.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                int child = list.memberLists.get(top[1]++);
                if (state[child] == 1) {
                    cycles.add(describeCycle(top[0], child, parent));
                } else if (state[child] == 0) {
                    state[child] = 1;
                    parent[child] = top[0];
                    stack.push(new int[] {child, 0});
                }
            }
        }
    }

    private String describeCycle(int from, int backTo, int[] parent) {
        List<String> path = new ArrayList<>();
        for (int at = from; at != -1 && at != backTo; at = parent[at]) {
            path.add(0, graph.list(at).name);
        }
        path.add(0, graph.list(backTo).name);
        path.add(graph.list(backTo).name);
        return String.join(" -> ", path);
    }
}

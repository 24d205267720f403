package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;

/**
 * The compact memory of the run's access lists that effective access needs at the end: per list
 * its grants, owners and the memberships that grant (users and nested lists as int indexes). No
 * protobufs are kept; names are stored once. Sized for 100k users and 300k memberships.
 */
public final class AccessGraph {
    private final Map<String, Integer> listIndex = new HashMap<>();
    private final List<ListNode> lists = new ArrayList<>();
    private final Map<String, Integer> userIndex = new HashMap<>();
    private final List<String> userNames = new ArrayList<>();
    // every (list, member) pair seen, granting or not, so duplicates across pages are dropped
    private final Set<Long> memberships = new HashSet<>();

    /** An owner entry naming another list, linked once every list of the run is known. */
    public record OwnerList(String owned, String owner, int ineligibleStatus) {
    }

    static final class ListNode {
        final String name;
        final String title;
        final String[] grants;
        final String[] ownerGrants;
        final Ints memberUsers = new Ints();
        final Ints memberLists = new Ints();
        final Ints ownerUsers = new Ints();
        final List<OwnerList> ownerLists = new ArrayList<>();
        final Ints resolvedOwnerLists = new Ints();

        ListNode(String name, String title, String[] grants, String[] ownerGrants) {
            this.name = name;
            this.title = title;
            this.grants = grants;
            this.ownerGrants = ownerGrants;
        }
    }

    /** @return false when a list of this name was already added (a duplicate across pages) */
    public boolean addList(AccessList list) {
        String name = list.getHeader().getMetadata().getName();
        if (listIndex.containsKey(name)) {
            return false;
        }
        ListNode node = new ListNode(name, AccessListMapper.title(list),
                distinct(list.getSpec().getGrants().getRolesList()),
                distinct(list.getSpec().getOwnerGrants().getRolesList()));
        listIndex.put(name, lists.size());
        lists.add(node);
        for (AccessListOwner owner : list.getSpec().getOwnersList()) {
            if (owner.getMembershipKind() == AccessListMapper.KIND_LIST) {
                node.ownerLists.add(new OwnerList(name, owner.getName(), owner.getIneligibleStatus()));
            } else if (Eligibility.grants(owner.getIneligibleStatus())) {
                node.ownerUsers.add(user(owner.getName()));
            }
        }
        return true;
    }

    public boolean hasList(String name) {
        return listIndex.containsKey(name);
    }

    /** Title of a list of this run, or null. */
    public String title(String name) {
        Integer index = listIndex.get(name);
        return index == null ? null : lists.get(index).title;
    }

    /**
     * Records a membership. Only granting ones are kept for effective access.
     *
     * @return false when the pair was seen before or the parent (or nested) list is unknown
     */
    public boolean addMember(String list, String member, boolean nestedList, boolean grants) {
        Integer parent = listIndex.get(list);
        if (parent == null) {
            return false;
        }
        int memberId;
        if (nestedList) {
            Integer child = listIndex.get(member);
            if (child == null) {
                return false;
            }
            memberId = -child - 1;
        } else {
            memberId = user(member);
        }
        if (!memberships.add(((long) parent << 32) | (memberId & 0xffffffffL))) {
            return false;
        }
        if (grants) {
            ListNode node = lists.get(parent);
            if (nestedList) {
                node.memberLists.add(-memberId - 1);
            } else {
                node.memberUsers.add(memberId);
            }
        }
        return true;
    }

    /**
     * Resolves owner entries of kind LIST against the lists of the run.
     *
     * @return the owner entries whose owner list exists (the others are dropped)
     */
    public List<OwnerList> resolveOwnerLists() {
        List<OwnerList> resolved = new ArrayList<>();
        for (ListNode node : lists) {
            for (OwnerList owner : node.ownerLists) {
                Integer index = listIndex.get(owner.owner());
                if (index != null) {
                    resolved.add(owner);
                    if (Eligibility.grants(owner.ineligibleStatus())) {
                        node.resolvedOwnerLists.add(index);
                    }
                }
            }
        }
        return resolved;
    }

    /** Owner entries of kind LIST, before resolution. */
    public List<OwnerList> ownerLists() {
        List<OwnerList> all = new ArrayList<>();
        lists.forEach(node -> all.addAll(node.ownerLists));
        return all;
    }

    int listCount() {
        return lists.size();
    }

    ListNode list(int index) {
        return lists.get(index);
    }

    String userName(int index) {
        return userNames.get(index);
    }

    private int user(String name) {
        Integer index = userIndex.get(name);
        if (index == null) {
            index = userNames.size();
            userIndex.put(name, index);
            userNames.add(name);
        }
        return index;
    }

    private static String[] distinct(List<String> values) {
        return values.stream().distinct().toArray(String[]::new);
    }

    /** A growable int array: memberships stay primitive. */
    static final class Ints {
        private int[] values = new int[0];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(4, size * 2));
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return values[index];
        }
    }
}

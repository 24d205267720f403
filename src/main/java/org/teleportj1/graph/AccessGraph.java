package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListOwner;

/**
 * The compact memory of the run's access lists that effective access needs at the end: per list
 * its grants, owners and the memberships that grant (users and nested lists as int indexes). No
 * protobufs are kept; names are stored once. Sized for 1M users and 3M memberships.
 */
public final class AccessGraph {
    /** List names; a list's id is its index in {@link #lists}. */
    private final Names listNames = new Names();
    private final List<ListNode> lists = new ArrayList<>();
    private final Names users;
    // every (list, member) pair seen, granting or not, so duplicates across pages are dropped
    private final LongSet memberships = new LongSet();

    /** @param users the run's user names, shared with the builder so each is stored once */
    AccessGraph(Names users) {
        this.users = users;
    }

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
        if (listNames.id(name) >= 0) {
            return false;
        }
        ListNode node = new ListNode(name, AccessListMapper.title(list),
                distinct(list.getSpec().getGrants().getRolesList()),
                distinct(list.getSpec().getOwnerGrants().getRolesList()));
        listNames.add(name);
        lists.add(node);
        for (AccessListOwner owner : list.getSpec().getOwnersList()) {
            if (owner.getMembershipKind() == AccessListMapper.KIND_LIST) {
                node.ownerLists.add(new OwnerList(name, owner.getName(), owner.getIneligibleStatus()));
            } else if (Eligibility.grants(owner.getIneligibleStatus())) {
                node.ownerUsers.add(users.add(owner.getName()));
            }
        }
        return true;
    }

    public boolean hasList(String name) {
        return listNames.id(name) >= 0;
    }

    /** Title of a list of this run, or null. */
    public String title(String name) {
        int index = listNames.id(name);
        return index < 0 ? null : lists.get(index).title;
    }

    /**
     * Records a membership. Only granting ones are kept for effective access.
     *
     * @return false when the pair was seen before or the parent (or nested) list is unknown
     */
    public boolean addMember(String list, String member, boolean nestedList, boolean grants) {
        int parent = listNames.id(list);
        if (parent < 0) {
            return false;
        }
        int memberId;
        if (nestedList) {
            int child = listNames.id(member);
            if (child < 0) {
                return false;
            }
            memberId = -child - 1;
        } else {
            memberId = users.add(member);
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
                int index = listNames.id(owner.owner());
                if (index >= 0) {
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

    String userName(int id) {
        return users.name(id);
    }

    /** Ids of users run from 0 to this, exclusive. */
    int userCount() {
        return users.size();
    }

    private static String[] distinct(List<String> values) {
        return values.stream().distinct().toArray(String[]::new);
    }
}

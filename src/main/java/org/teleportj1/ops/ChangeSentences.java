package org.teleportj1.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The change report in sentences, for people (README: What an operator sees): "User bob removed
 * from list Engineering: lost dev-db, dev-k8s". A pure function of the key-level report (which
 * keys were added, removed or changed) and the {@link ReadableState} of both runs (role
 * properties, list titles, locked users); everything else is read from the keys themselves
 * (docs/jupiterone.md §2). Keys the report did not list (more than its per-type limit) have no
 * sentence; the counts stay complete.
 */
public final class ChangeSentences {
    private ChangeSentences() {
    }

    /** One key taken apart: an entity ({@code type}, {@code name}) or a relationship (from, verb, to, qualifiers). */
    record Key(String type, String name, Key from, String verb, Key to, List<String> qualifiers) {
        static Key parse(String key) {
            String[] parts = key.split("\\|", -1);
            if (parts.length >= 3) {
                List<String> qualifiers = new ArrayList<>();
                for (int i = 3; i < parts.length; i++) {
                    qualifiers.add(parts[i]);
                }
                return new Key(null, null, entity(parts[0]), parts[1], entity(parts[2]), qualifiers);
            }
            return entity(key);
        }

        /** {@code teleport:<cluster>:<type>:<name>[:<name>]}; the cluster is escaped, so the third ':' starts the name. */
        private static Key entity(String key) {
            String[] parts = key.split(":", 4);
            if (parts.length < 4) {
                return new Key(parts.length == 3 ? parts[2] : "", "", null, null, null, List.of());
            }
            return new Key(parts[2], parts[3], null, null, null, List.of());
        }

        String displayName() {
            return unescape(name);
        }
    }

    static String unescape(String value) {
        return value.replace("%3A", ":").replace("%7C", "|").replace("%25", "%");
    }

    /** How a user holds a role, from the ASSIGNED edge's qualifiers. */
    private record Grant(String role, String how) {
    }

    /** Everything that changed for one user, gathered before any sentence is written. */
    private static final class UserChanges {
        boolean added;
        boolean removed;
        final List<Grant> gained = new ArrayList<>();
        final List<Grant> lost = new ArrayList<>();
        final Set<String> joined = new TreeSet<>();
        final Set<String> left = new TreeSet<>();
        final Set<String> nowOwns = new TreeSet<>();
        final Set<String> noLongerOwns = new TreeSet<>();
        Boolean locked;
    }

    public static List<String> of(ChangeReport report, ReadableState before, ReadableState after) {
        if (report.firstRun()) {
            return List.of();
        }
        // by the list's id as keys carry it (escaped)
        Function<String, String> list = id -> after.listTitle(id).or(() -> before.listTitle(id))
                .orElseGet(() -> unescape(id));
        Map<String, UserChanges> users = new TreeMap<>();
        Function<Key, UserChanges> user = key -> users.computeIfAbsent(key.displayName(), name -> new UserChanges());
        List<String> sentences = new ArrayList<>();

        each(report, "teleport_user", Change.ADDED, key -> user.apply(key).added = true);
        each(report, "teleport_user", Change.REMOVED, key -> user.apply(key).removed = true);
        for (String key : keys(report, "teleport_user", Change.CHANGED)) {
            if (before.locked(key) != after.locked(key)) {
                user.apply(Key.parse(key)).locked = after.locked(key);
            }
        }
        each(report, "teleport_user_assigned_role", Change.ADDED,
                key -> user.apply(key.from()).gained.add(grant(key, list)));
        each(report, "teleport_user_assigned_role", Change.REMOVED,
                key -> user.apply(key.from()).lost.add(grant(key, list)));
        each(report, "teleport_access_list_has_user", Change.ADDED,
                key -> user.apply(key.to()).joined.add(list.apply(key.from().name())));
        each(report, "teleport_access_list_has_user", Change.REMOVED,
                key -> user.apply(key.to()).left.add(list.apply(key.from().name())));
        each(report, "teleport_user_owns_access_list", Change.ADDED,
                key -> user.apply(key.from()).nowOwns.add(list.apply(key.to().name())));
        each(report, "teleport_user_owns_access_list", Change.REMOVED,
                key -> user.apply(key.from()).noLongerOwns.add(list.apply(key.to().name())));
        users.forEach((name, changes) -> sentences.addAll(userSentences(name, changes)));

        for (String key : keys(report, "teleport_role", Change.ADDED)) {
            sentences.add("Role " + Key.parse(key).displayName() + " added");
        }
        for (String key : keys(report, "teleport_role", Change.REMOVED)) {
            sentences.add("Role " + Key.parse(key).displayName() + " removed");
        }
        for (String key : keys(report, "teleport_role", Change.CHANGED)) {
            String differences = before.role(key).flatMap(old -> after.role(key).map(now -> differences(old, now)))
                    .orElse("");
            sentences.add("Role " + Key.parse(key).displayName() + " changed"
                    + (differences.isEmpty() ? "" : ": " + differences));
        }
        each(report, "teleport_access_list", Change.ADDED, key -> sentences.add("List " + list.apply(key.name())
                + " added"));
        each(report, "teleport_access_list", Change.REMOVED, key -> sentences.add("List " + list.apply(key.name())
                + " removed"));
        each(report, "teleport_access_list_has_access_list", Change.ADDED, key -> sentences.add("List "
                + list.apply(key.to().name()) + " added to list " + list.apply(key.from().name())
                + ": its members get that list's grants"));
        each(report, "teleport_access_list_has_access_list", Change.REMOVED, key -> sentences.add("List "
                + list.apply(key.to().name()) + " removed from list "
                + list.apply(key.from().name())));
        // a review's name part is <list>:<review>, both escaped
        each(report, "teleport_access_list_review", Change.ADDED, key -> sentences.add("List "
                + list.apply(key.name().split(":", 2)[0]) + " reviewed"));
        return sentences;
    }

    private static List<String> userSentences(String name, UserChanges changes) {
        List<String> sentences = new ArrayList<>();
        if (changes.removed) {
            sentences.add("User " + name + " removed" + (changes.lost.isEmpty() ? ""
                    : ", lost " + roles(changes.lost)));
            return sentences;
        }
        List<Grant> gained = new ArrayList<>(changes.gained);
        List<Grant> lost = new ArrayList<>(changes.lost);
        if (changes.added) {
            sentences.add("User " + name + " added" + (changes.locked == Boolean.TRUE ? " (locked)" : "")
                    + (gained.isEmpty() ? ", no access" : ", granted " + grants(gained)));
            gained.clear();
        } else if (changes.locked != null) {
            sentences.add("User " + name + (changes.locked ? " locked" : " unlocked"));
        }
        for (String title : changes.left) {
            List<Grant> through = take(lost, "through list " + title);
            sentences.add(name + " removed from list " + title + (through.isEmpty() ? ""
                    : ": lost " + roles(through)));
        }
        for (String title : changes.joined) {
            List<Grant> through = take(gained, "through list " + title);
            sentences.add(name + " added to list " + title + (through.isEmpty() ? ""
                    : ": granted " + roles(through)));
        }
        changes.nowOwns.forEach(title -> sentences.add(name + " now owns list " + title
                + grantsSuffix(take(gained, "as owner of list " + title), ": granted ")));
        changes.noLongerOwns.forEach(title -> sentences.add(name + " no longer owns list " + title
                + grantsSuffix(take(lost, "as owner of list " + title), ": lost ")));
        if (!gained.isEmpty()) {
            sentences.add(name + " granted " + grants(gained));
        }
        if (!lost.isEmpty()) {
            sentences.add(name + " lost " + grants(lost).replace(" directly", " (was assigned directly)"));
        }
        return sentences;
    }

    private static String grantsSuffix(List<Grant> grants, String lead) {
        return grants.isEmpty() ? "" : lead + roles(grants);
    }

    /** The grants of {@code how}, taken out of {@code grants}. */
    private static List<Grant> take(List<Grant> grants, String how) {
        List<Grant> taken = grants.stream().filter(grant -> grant.how().equals(how)).toList();
        grants.removeAll(taken);
        return taken;
    }

    /** "access, auditor directly; dev-db through list Engineering". */
    private static String grants(List<Grant> grants) {
        Map<String, List<Grant>> byHow = new LinkedHashMap<>();
        grants.stream().sorted((a, b) -> a.how().equals(b.how()) ? a.role().compareTo(b.role())
                        : a.how().equals("directly") ? -1 : b.how().equals("directly") ? 1 : a.how().compareTo(b.how()))
                .forEach(grant -> byHow.computeIfAbsent(grant.how(), how -> new ArrayList<>()).add(grant));
        List<String> parts = new ArrayList<>();
        byHow.forEach((how, same) -> parts.add(roles(same) + " " + how));
        return String.join("; ", parts);
    }

    private static String roles(Collection<Grant> grants) {
        return String.join(", ", new TreeSet<>(grants.stream().map(Grant::role).toList()));
    }

    /** An ASSIGNED edge's role and how: no qualifier = directly; {@code <list>|member} or {@code <list>|owner}. */
    private static Grant grant(Key key, Function<String, String> list) {
        String role = key.to().displayName();
        List<String> qualifiers = key.qualifiers();
        if (qualifiers.size() >= 2) {
            return new Grant(role, ("owner".equals(qualifiers.get(1)) ? "as owner of list " : "through list ")
                    + list.apply(qualifiers.get(0)));
        }
        return new Grant(role, "directly");
    }

    /** Role properties that differ: scalars old → new, lists with the items added and removed. */
    static String differences(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            // the stored side came back from JSON (Integer where the run had Long)
            Object old = normal(before.get(name));
            Object now = normal(after.get(name));
            if (Objects.equals(old, now)) {
                continue;
            }
            if ((old == null || old instanceof Collection) && (now == null || now instanceof Collection)) {
                Set<Object> added = new java.util.LinkedHashSet<>(now == null ? List.of() : (Collection<?>) now);
                Set<Object> removed = new java.util.LinkedHashSet<>(old == null ? List.of() : (Collection<?>) old);
                added.removeAll(old == null ? List.of() : (Collection<?>) old);
                removed.removeAll(now == null ? List.of() : (Collection<?>) now);
                List<String> change = new ArrayList<>();
                if (!added.isEmpty()) {
                    change.add("added " + join(added));
                }
                if (!removed.isEmpty()) {
                    change.add("removed " + join(removed));
                }
                if (!change.isEmpty()) {
                    parts.add(name + " " + String.join(", ", change));
                }
            } else {
                parts.add(name + " " + show(old) + " → " + show(now));
            }
        }
        return String.join("; ", parts);
    }

    private static Object normal(Object value) {
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return number.longValue();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(ChangeSentences::normal).toList();
        }
        return value;
    }

    private static String join(Collection<Object> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    private static String show(Object value) {
        return value == null ? "(none)" : String.valueOf(value);
    }

    private enum Change { ADDED, REMOVED, CHANGED }

    private static List<String> keys(ChangeReport report, String type, Change change) {
        ChangeReport.TypeChanges changes = report.byType().get(type);
        if (changes == null) {
            return List.of();
        }
        return switch (change) {
            case ADDED -> changes.added();
            case REMOVED -> changes.removed();
            case CHANGED -> changes.changed();
        };
    }

    private static void each(ChangeReport report, String type, Change change, java.util.function.Consumer<Key> action) {
        keys(report, type, change).forEach(key -> action.accept(Key.parse(key)));
    }
}

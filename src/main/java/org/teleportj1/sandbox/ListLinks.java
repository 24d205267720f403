package org.teleportj1.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A relation between access lists ("parent has child as a member", "owner list owns list"),
 * indexed both ways so a list's status (member_of, owner_of, member_list_count) is answered
 * without scanning every membership.
 */
final class ListLinks {
    private static final char SEPARATOR = '\u0000';

    private final NavigableSet<String> forward = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> backward = new ConcurrentSkipListSet<>();

    void link(String from, String to) {
        forward.add(from + SEPARATOR + to);
        backward.add(to + SEPARATOR + from);
    }

    void unlink(String from, String to) {
        forward.remove(from + SEPARATOR + to);
        backward.remove(to + SEPARATOR + from);
    }

    /** Removes every link starting at {@code from}. */
    void unlinkFrom(String from) {
        for (String to : targets(from)) {
            unlink(from, to);
        }
    }

    List<String> targets(String from) {
        return tails(forward, from);
    }

    List<String> sources(String to) {
        return tails(backward, to);
    }

    private static List<String> tails(NavigableSet<String> set, String head) {
        String prefix = head + SEPARATOR;
        List<String> out = new ArrayList<>();
        for (String key : set.subSet(prefix, true, head + (char) (SEPARATOR + 1), false)) {
            out.add(key.substring(prefix.length()));
        }
        return out;
    }
}

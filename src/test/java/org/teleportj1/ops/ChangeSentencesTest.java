package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChangeSentencesTest {
    private static final String P = "teleport:c.example.com:";
    private static final String ENG = P + "access_list:eng-1";
    private static final String OPS = P + "access_list:ops-2";

    private final SortedMap<String, ChangeReport.TypeChanges> types = new TreeMap<>();

    private void change(String type, List<String> added, List<String> removed, List<String> changed) {
        types.put(type, new ChangeReport.TypeChanges(added.size(), removed.size(), changed.size(), added, removed,
                changed));
    }

    private ChangeReport report() {
        return new ChangeReport("c", "run-2", "run-1", Instant.EPOCH, types);
    }

    private static ReadableState state(Map<String, Object> auditor, boolean bobLocked) {
        ReadableState state = new ReadableState();
        state.add(Map.of("_type", "teleport_access_list", "_key", ENG, "title", "Engineering"));
        state.add(Map.of("_type", "teleport_access_list", "_key", OPS, "title", "Ops"));
        Map<String, Object> role = new TreeMap<>(auditor);
        role.put("_type", "teleport_role");
        role.put("_key", P + "role:auditor");
        state.add(role);
        state.add(Map.of("_type", "teleport_user", "_key", P + "user:bob", "locked", bobLocked));
        return state;
    }

    @Test
    void tellsUsersRolesAndListsInSentences() {
        change("teleport_user", List.of(), List.of(P + "user:old%3Aname"), List.of(P + "user:bob"));
        change("teleport_user_assigned_role",
                List.of(P + "user:carol|assigned|" + P + "role:dev|ops-2|owner"),
                List.of(P + "user:bob|assigned|" + P + "role:admin", P + "user:old%3Aname|assigned|" + P + "role:dev"),
                List.of());
        change("teleport_user_owns_access_list", List.of(P + "user:carol|owns|" + OPS), List.of(), List.of());
        change("teleport_access_list_has_access_list", List.of(OPS + "|has|" + ENG), List.of(), List.of());
        change("teleport_access_list_review", List.of(P + "access_list_review:eng-1:r-9"), List.of(), List.of());
        change("teleport_role", List.of(), List.of(), List.of(P + "role:auditor"));

        List<String> sentences = ChangeSentences.of(report(),
                state(Map.of("maxSessionTtlSeconds", 3600, "allowLogins", List.of("a", "b")), false),
                state(Map.of("maxSessionTtlSeconds", 7200L, "allowLogins", List.of("b", "c"), "requireMfa", true),
                        true));

        assertEquals(List.of(
                "User bob locked",
                "bob lost admin (was assigned directly)",
                "carol now owns list Ops: granted dev",
                "User old:name removed, lost dev",
                "Role auditor changed: allowLogins added c, removed a; maxSessionTtlSeconds 3600 → 7200;"
                        + " requireMfa (none) → true",
                "List Engineering added to list Ops: its members get that list's grants",
                "List Engineering reviewed"), sentences);
    }

    @Test
    void aFirstRunHasNoSentences() {
        change("teleport_user", List.of(P + "user:bob"), List.of(), List.of());
        ChangeReport first = new ChangeReport("c", "run-1", null, null, types);

        assertEquals(List.of(), ChangeSentences.of(first, new ReadableState(), new ReadableState()));
    }
}

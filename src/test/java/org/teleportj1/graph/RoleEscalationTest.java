package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.requester;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.run;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.RoleV6;

/** Role patterns with Teleport semantics, expanded into ALLOWS edges against the roles of the run. */
class RoleEscalationTest {
    private static final List<String> ROLES = List.of("dev-a", "dev-b", "prod", "devops", "requester");

    @Test
    void patternsFollowTeleportSemantics() {
        assertTrue(RolePattern.of("dev-a").matches("dev-a"));
        assertFalse(RolePattern.of("dev-a").matches("dev-ab"), "a plain string matches literally");
        assertFalse(RolePattern.of("dev.a").matches("dev-a"), "a dot in a plain string is literal");
        assertTrue(RolePattern.of("dev-*").matches("dev-b"));
        assertTrue(RolePattern.of("*").matches("anything at all"));
        assertTrue(RolePattern.of("^dev-.*$").matches("dev-b"));
        assertFalse(RolePattern.of("^dev-.*$").matches("devops"));
        assertFalse(RolePattern.of("dev-.*").matches("dev-b"), "without ^...$ it is a glob, not a regex");
        assertFalse(RolePattern.of("{{internal.roles}}").expandable());
        assertFalse(RolePattern.of("^([$").expandable(), "an invalid regex matches nothing");
        assertFalse(RolePattern.of("^([$").matches("x"));
    }

    @Test
    void regexAndWildcardRequestPatternsExpandToTheRolesOfTheRun() {
        assertEquals(List.of("dev-a", "dev-b"), targets(requester("requester", "^dev-.*$")));
        assertEquals(List.of("dev-a", "dev-b", "devops", "prod"), targets(requester("requester", "*")).stream()
                .sorted().toList(), "* matches every role but the role itself");
        assertEquals(List.of("prod"), targets(requester("requester", "prod", "missing-role")));
    }

    @Test
    void denyPatternsOfTheSameConditionWin() {
        RoleV6.Builder role = role("requester");
        role.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("*");
        role.getSpecBuilder().getDenyBuilder().getRequestBuilder().addRoles("prod");
        assertEquals(List.of("dev-a", "dev-b", "devops"), targets(role.build()).stream().sorted().toList());
    }

    @Test
    void everyConditionBecomesEdgesWithItsActionAndPattern() {
        RoleV6.Builder admin = role("admin");
        admin.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("prod").addSearchAsRoles("dev-*");
        admin.getSpecBuilder().getAllowBuilder().getReviewRequestsBuilder().addRoles("^dev-a$");
        admin.getSpecBuilder().getAllowBuilder().getImpersonateBuilder().addRoles("prod").addUsers("bot-*")
                .addUsers("{{internal.logins}}");
        TeleportFixtures.Run run = run(List.of(admin.build(), role("prod").build(), role("dev-a").build(),
                        role("dev-b").build()),
                List.of(user("bot-ci").build(), user("alice").build()), List.of(), List.of(), List.of());

        List<String> edges = new ArrayList<>();
        run.sink().relationshipsOfType(RelationshipType.ROLE_ALLOWS_ROLE.type())
                .forEach(r -> edges.add(r.get("action") + " " + r.get("_toEntityKey").toString()
                        .substring(KEYS.role("").length()) + " by " + r.get("pattern")));
        run.sink().relationshipsOfType(RelationshipType.ROLE_ALLOWS_USER.type())
                .forEach(r -> edges.add(r.get("action") + " user " + r.get("_toEntityKey").toString()
                        .substring(KEYS.user("").length()) + " by " + r.get("pattern")));

        assertEquals(List.of("impersonate prod by prod", "impersonate user bot-ci by bot-*", "request prod by prod",
                "review dev-a by ^dev-a$", "search_as dev-a by dev-*", "search_as dev-b by dev-*"),
                edges.stream().sorted().toList());
        assertEquals(1, run.stats().unresolvedPatterns(), "the template is counted, not expanded");
        run.sink().assertValid();
    }

    @Test
    void everyNameAPatternMatchesStartsWithItsLiteralPrefix() {
        List<String> names = List.of("dev", "dev-a", "dev-b", "devops", "de", "dv", "d", "prod", "prod-eu", "a.b", "axb",
                "x*y", "bot-ci", "bot-", "team-00010", "Dev-a", "", "ddev", "dev-ab");
        List<String> patterns = List.of("dev-*", "^dev-.*$", "^de?v.*$", "^dev?$", "^de{0,1}v$", "^d+ev$",
                "^(dev|prod)$", "^dev|prod$", "^dev-[ab]$", "*", "prod", "^prod$", "pr*d", "^\\Qdev\\E.*$",
                "^a.b$", "a.b", "x*y", "bot-*", "team-*", "^(?i)dev-a$", "^$", "*-a", "{{internal.logins}}");
        for (String text : patterns) {
            RolePattern pattern = RolePattern.of(text);
            for (String name : names) {
                if (pattern.matches(name)) {
                    assertTrue(name.startsWith(pattern.literalPrefix()), text + " matches " + name
                            + " but its prefix is '" + pattern.literalPrefix() + "'");
                }
            }
        }
        assertEquals("dev-", RolePattern.of("dev-*").literalPrefix());
        assertEquals("dev-", RolePattern.of("^dev-.*$").literalPrefix());
        assertEquals("prod", RolePattern.of("prod").literalPrefix());
        assertEquals("", RolePattern.of("*-a").literalPrefix());
        assertEquals("", RolePattern.of("^dev|prod$").literalPrefix());
    }

    @Test
    void searchingByPrefixFindsWhatTestingEveryNameFinds() {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            roles.add((i % 3 == 0 ? "dev-" : i % 3 == 1 ? "prod-" : "team-") + i);
        }
        RoleV6 role = requester("requester", "^dev-1.*$", "prod-2*", "team-5", "^(x|team-8.)$");
        List<String> expected = new ArrayList<>();
        RoleRules rules = RoleRules.of(role);
        for (String name : roles) {
            if (rules.allow(Escalation.REQUEST).stream().anyMatch(p -> p.matches(name))) {
                expected.add(name);
            }
        }
        List<String> found = new ArrayList<>();
        RoleEscalation.expand(rules, NameIndex.of(roles), NameIndex.of(List.of()),
                (from, escalation, target, pattern) -> found.add(target));
        assertEquals(expected, found, "the same targets, in the same order");
        assertTrue(found.size() > 20, "the patterns match something: " + found.size());
    }

    private static List<String> targets(RoleV6 role) {
        List<String> targets = new ArrayList<>();
        RoleEscalation.expand(RoleRules.of(role), NameIndex.of(ROLES), NameIndex.of(List.of()),
                (from, escalation, target, pattern) -> targets.add(target));
        return targets;
    }
}

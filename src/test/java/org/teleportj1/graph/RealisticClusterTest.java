package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.teleportj1.graph.TeleportFixtures.KEYS;
import static org.teleportj1.graph.TeleportFixtures.accessList;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.member;
import static org.teleportj1.graph.TeleportFixtures.nestedList;
import static org.teleportj1.graph.TeleportFixtures.owner;
import static org.teleportj1.graph.TeleportFixtures.ownerList;
import static org.teleportj1.graph.TeleportFixtures.review;
import static org.teleportj1.graph.TeleportFixtures.role;
import static org.teleportj1.graph.TeleportFixtures.superAdmin;
import static org.teleportj1.graph.TeleportFixtures.time;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListGrants;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.trait.v1.Trait;
import org.teleportj1.proto.types.ConnectorRef;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.types.UserStatusV2;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.proto.wrappers.StringValues;

/**
 * A cluster shaped like a real one, built here: it must produce every type of docs/jupiterone.md, and
 * the whole graph must pass {@link GraphAssertions}.
 */
class RealisticClusterTest {

    static List<RoleV6> roles() {
        List<RoleV6> roles = new ArrayList<>();
        RoleV6.Builder access = role("access");
        access.getMetadataBuilder().putLabels("teleport.internal/resource-type", "preset");
        access.getSpecBuilder().getAllowBuilder().addLogins("{{internal.logins}}")
                .getNodeLabelsBuilder().putValues("*", StringValues.newBuilder().addValues("*").build());
        roles.add(access.build());
        roles.add(role("editor").build());
        RoleV6.Builder auditor = role("auditor");
        auditor.getSpecBuilder().getAllowBuilder().addRules(Rule.newBuilder().addResources("event")
                .addResources("session").addVerbs("list").addVerbs("read"));
        roles.add(auditor.build());
        roles.add(role("@teleport-access-approver").build());
        RoleV6.Builder dev = role("dev");
        dev.getMetadataBuilder().setDescription("Developers: staging hosts");
        dev.getSpecBuilder().getOptionsBuilder().setMaxSessionTTL(8L * 3600 * 1_000_000_000L);
        dev.getSpecBuilder().getAllowBuilder().addLogins("ubuntu")
                .getNodeLabelsBuilder().putValues("env", StringValues.newBuilder().addValues("staging").build());
        dev.getSpecBuilder().getDenyBuilder().addLogins("root");
        roles.add(dev.build());
        roles.add(role("prod-readonly").build());
        roles.add(superAdmin("prod-admin"));
        RoleV6.Builder requester = role("requester");
        requester.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("^prod-.*$")
                .addSearchAsRoles("dev*");
        requester.getSpecBuilder().getDenyBuilder().getRequestBuilder().addRoles("prod-admin");
        roles.add(requester.build());
        RoleV6.Builder breakglass = role("breakglass");
        breakglass.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("prod-admin");
        breakglass.getSpecBuilder().getOptionsBuilder().setRequireMFAType(1);
        roles.add(breakglass.build());
        RoleV6.Builder reviewer = role("reviewer");
        reviewer.getSpecBuilder().getAllowBuilder().getReviewRequestsBuilder().addRoles("*");
        roles.add(reviewer.build());
        RoleV6.Builder impersonator = role("ci-impersonator");
        impersonator.getSpecBuilder().getAllowBuilder().getImpersonateBuilder().addUsers("bot-*").addRoles("dev");
        roles.add(impersonator.build());
        RoleV6.Builder bot = role("bot-ci");
        bot.getMetadataBuilder().putLabels("teleport.internal/bot", "ci");
        bot.getSpecBuilder().getAllowBuilder().getImpersonateBuilder().addRoles("prod-admin");
        roles.add(bot.build());
        RoleV6.Builder templated = role("groups");
        templated.getSpecBuilder().getAllowBuilder().getRequestBuilder().addRoles("{{external.groups}}");
        roles.add(templated.build());
        return roles;
    }

    static List<UserV2> users() {
        UserV2.Builder alice = user("alice@example.com", "editor", "access");
        alice.setStatus(UserStatusV2.newBuilder().setPasswordState(2).setMfaWeakestDevice(3));
        alice.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder().setTime(time(days(-400))));
        alice.getSpecBuilder().getTraitsBuilder()
                .putValues("logins", StringValues.newBuilder().addValues("alice").addValues("ubuntu").build())
                .putValues("kubernetes_groups", StringValues.newBuilder().addValues("system:masters").build());
        UserV2.Builder bob = user("bob", "access", "requester");
        bob.getSpecBuilder().addGithubIdentities(ExternalIdentity.newBuilder().setConnectorID("github")
                .setUsername("bob"));
        bob.getMetadataBuilder().setExpires(time(days(1)));
        UserV2.Builder carol = user("carol@example.com", "access");
        carol.getSpecBuilder().addSAMLIdentities(ExternalIdentity.newBuilder().setConnectorID("okta"));
        carol.getMetadataBuilder().setExpires(time(days(1))).putLabels("teleport.dev/origin", "okta");
        UserV2.Builder dave = user("dave", "access");
        dave.getSpecBuilder().setCreatedBy(CreatedBy.newBuilder().setConnector(ConnectorRef.newBuilder()
                .setType("oidc").setID("google").setIdentity("dave@example.com")));
        UserV2.Builder bot = user("bot-ci", "bot-ci", "prod-admin");
        bot.getMetadataBuilder().putLabels("teleport.internal/bot", "ci");
        UserV2.Builder mallory = user("mallory", "access", "removed-role");
        mallory.getSpecBuilder().getStatusBuilder().setIsLocked(true).setLockedMessage("compromised")
                .setLockedTime(time(days(-2)));
        UserV2.Builder eve = user("eve", "reviewer", "ci-impersonator", "breakglass");
        UserV2.Builder erin = user("erin", "access");
        return List.of(alice.build(), bob.build(), carol.build(), dave.build(), bot.build(), mallory.build(),
                eve.build(), erin.build());
    }

    static List<AccessList> accessLists() {
        AccessList.Builder platform = accessList("8d1e-platform", "Platform team", "dev");
        platform.getSpecBuilder().setDescription("Everyone building the platform")
                .addOwners(owner("alice@example.com"))
                .setOwnerGrants(AccessListGrants.newBuilder().addRoles("auditor"))
                .getGrantsBuilder().addTraits(Trait.newBuilder().setKey("logins").addValues("deploy"));
        AccessList.Builder production = accessList("2b7c-production", "Production access", "prod-readonly");
        production.getSpecBuilder().addOwners(ownerList("5a5a-sre")).addOwners(owner("former-owner"));
        AccessList.Builder sre = accessList("5a5a-sre", "SRE on-call", "prod-admin");
        sre.getSpecBuilder().addOwners(owner("alice@example.com")).getAuditBuilder().setNextAuditDate(time(days(-12)));
        AccessList.Builder contractors = accessList("c0c0-contractors", "Contractors", "dev");
        contractors.getSpecBuilder().setType("static").addOwners(owner("erin").toBuilder().setIneligibleStatus(3));
        AccessList.Builder empty = accessList("e111-empty", "");
        empty.getSpecBuilder().clearAudit();
        return List.of(platform.build(), production.build(), sre.build(), contractors.build(), empty.build());
    }

    static List<Member> members() {
        return List.of(
                member("8d1e-platform", "bob").build(),
                member("8d1e-platform", "dave").build(),
                nestedList("2b7c-production", "8d1e-platform").build(),
                member("2b7c-production", "carol@example.com").build(),
                member("5a5a-sre", "eve").build(),
                member("5a5a-sre", "mallory").setSpec(member("5a5a-sre", "mallory").getSpec().toBuilder()
                        .setExpires(time(days(-5)))).build(),
                member("c0c0-contractors", "erin").setSpec(member("c0c0-contractors", "erin").getSpec().toBuilder()
                        .setIneligibleStatus(3)).build(),
                member("c0c0-contractors", "sso-contractor@example.com").build());
    }

    static List<Review> reviews() {
        return List.of(review("5a5a-sre", "r-2025", days(-200), "alice@example.com", "former-reviewer").build(),
                review("8d1e-platform", "r-2026", days(-20), "alice@example.com").build());
    }

    private static TeleportFixtures.Run runCluster() {
        ClusterInfo cluster = new ClusterInfo(TeleportFixtures.CLUSTER, "17.4.2", "example.teleport.sh:443",
                "Example Teleport", TeleportFixtures.NOW);
        return TeleportFixtures.run(cluster, roles(), users(), accessLists(), members(), reviews(), controls());
    }

    /** One of each optional resource, linked to the users, roles and lists above. */
    static TeleportFixtures.Controls controls() {
        return new TeleportFixtures.Controls(
                List.of(ControlsFixtures.lock("lock-eve", "user", "eve", days(2)),
                        ControlsFixtures.lock("lock-breakglass", "role", "breakglass", null)),
                List.of(ControlsFixtures.request("req-1", "bob", "prod-admin", ControlsFixtures.APPROVED, days(1), "eve")
                                .build(),
                        ControlsFixtures.promoted("req-2", "carol@example.com", "prod-readonly", "2b7c-production")),
                List.of(ControlsFixtures.bot("ci", "prod-admin")),
                List.of(ControlsFixtures.instance("ci", "i-1", days(-40))),
                List.of(ControlsFixtures.saml("okta", "groups", "SRE", "prod-admin"),
                        ControlsFixtures.github("github", "acme", "platform", "dev")));
    }

    @Test
    void emitsEveryTypeOfTheDataModelAndAValidGraph() {
        TeleportFixtures.Run run = runCluster();

        Set<String> expected = new TreeSet<>();
        Arrays.stream(EntityType.values()).forEach(t -> expected.add(t.type()));
        Arrays.stream(RelationshipType.values()).forEach(t -> expected.add(t.type()));
        Arrays.stream(MappedRelationshipType.values()).forEach(t -> expected.add(t.type()));
        assertEquals(expected, run.sink().types());
        run.sink().assertValid();
        assertEquals(run.sink().entities.size(), run.stats().entities());
        assertEquals(run.sink().relationships.size(), run.stats().relationships());
    }

    @Test
    void theGraphAnswersTheShippedQuestions() {
        TeleportFixtures.Run run = runCluster();

        // overdue review
        assertEquals(true, run.sink().entity(KEYS.accessList("5a5a-sre")).get("reviewOverdue"));
        // membership past its expiry
        assertEquals(true, run.sink().relationships(RelationshipType.ACCESS_LIST_HAS_USER.type(),
                KEYS.accessList("5a5a-sre"), KEYS.user("mallory")).get(0).get("expired"));
        // effective super admins: eve via SRE; dave and bob only reach production (not SRE)
        assertTrue(run.assignments("eve").contains("prod-admin via 5a5a-sre"));
        assertTrue(run.assignments("bob").contains("prod-readonly via 2b7c-production inherited"));
        assertEquals(true, run.sink().entity(KEYS.role("prod-admin")).get("superAdmin"));
        assertEquals(true, run.sink().entity(KEYS.role("editor")).get("superAdmin"));
        // the bot holds a super-admin role
        assertEquals(true, run.user("bot-ci").get("isBot"));
        assertTrue(run.assignments("bot-ci").contains("prod-admin"));
        // owners: SRE members own production through the owner list; erin is an ineligible owner
        assertEquals(2L, run.sink().entity(KEYS.accessList("2b7c-production")).get("eligibleOwnerCount"),
                "an owner list and an owner user, both eligible");
        assertTrue(run.assignments("alice@example.com").contains("auditor via 8d1e-platform as owner"));
        assertEquals(0L, run.sink().entity(KEYS.accessList("c0c0-contractors")).get("eligibleOwnerCount"));
        assertEquals(0, run.sink().entity(KEYS.accessList("e111-empty")).get("ownerCount"));
        // roles that can reach a super-admin role
        List<String> toSuperAdmin = run.sink().relationships(RelationshipType.ROLE_ALLOWS_ROLE.type(), null,
                        KEYS.role("prod-admin")).stream()
                .map(r -> r.get("_fromEntityKey").toString().substring(KEYS.role("").length()) + ":" + r.get("action"))
                .sorted().toList();
        assertEquals(List.of("bot-ci:impersonate", "breakglass:request", "reviewer:review"), toSuperAdmin,
                "requester's deny on prod-admin wins over ^prod-.*$");
        // assigned roles that no longer exist
        assertEquals(List.of("removed-role"), run.user("mallory").get("missingRoles"));
        // users no longer listed
        assertEquals(Stream.of("former-owner", "former-reviewer", "sso-contractor@example.com").sorted().toList(),
                run.sink().entitiesOfType("teleport_user").stream().filter(u -> u.get("seenInUserList")
                        .equals(false)).map(u -> (String) u.get("name")).sorted().toList());
    }
}

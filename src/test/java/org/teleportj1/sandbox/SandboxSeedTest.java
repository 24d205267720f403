package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/** The demo data holds every case the graph model distinguishes. */
class SandboxSeedTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    final SandboxData data = SandboxCluster.populate(SandboxSize.DEMO, NOW);

    UserV2 user(String name) {
        return data.user(name).orElseThrow(() -> new AssertionError("no user " + name));
    }

    RoleV6 role(String name) {
        return data.role(name).orElseThrow(() -> new AssertionError("no role " + name));
    }

    AccessList list(String name) {
        return data.accessList(name).orElseThrow(() -> new AssertionError("no list " + name));
    }

    @Test
    void demoSizes() {
        assertEquals(14, data.userCount());
        assertEquals(11, data.roleCount());
        assertEquals(6, data.accessListCount());
        assertEquals(16, data.memberCount());
        assertEquals(4, data.reviewCount());
    }

    @Test
    void localUsersHaveNoConnector() {
        UserV2 alice = user(SandboxSeed.ALICE);
        assertEquals(List.of("editor", "access"), alice.getSpec().getRolesList());
        assertFalse(alice.getSpec().getCreatedBy().hasConnector());
        assertEquals(0, alice.getSpec().getGithubIdentitiesCount() + alice.getSpec().getSAMLIdentitiesCount()
                + alice.getSpec().getOIDCIdentitiesCount());
        assertEquals(2, alice.getStatus().getPasswordState());
    }

    @Test
    void ssoUsersOfEveryConnectorType() {
        UserV2 bob = user(SandboxSeed.BOB_GITHUB);
        assertEquals("github", bob.getSpec().getCreatedBy().getConnector().getType());
        assertEquals("github", bob.getSpec().getGithubIdentities(0).getConnectorID());
        assertEquals(List.of("acme/platform", "acme/sre"), bob.getSpec().getTraits().getValuesMap().get("github_teams").getValuesList());
        assertTrue(bob.getMetadata().hasExpires(), "SSO users are transient");

        UserV2 carol = user(SandboxSeed.CAROL_SAML);
        assertEquals("saml", carol.getSpec().getCreatedBy().getConnector().getType());
        assertEquals("okta", carol.getMetadata().getLabelsMap().get(TeleportResources.ORIGIN_LABEL));
        assertEquals("okta", carol.getSpec().getSAMLIdentities(0).getConnectorID());
        assertTrue(carol.getSpec().getTraits().getValuesMap().containsKey(SandboxSeed.SAML_EMAIL_TRAIT));
        assertTrue(SandboxSeed.SAML_EMAIL_TRAIT.contains("/"));

        assertEquals("oidc", user(SandboxSeed.DAVE_OIDC).getSpec().getCreatedBy().getConnector().getType());
        assertEquals(1, user(SandboxSeed.DAVE_OIDC).getSpec().getOIDCIdentitiesCount());
        assertEquals("scim", user(SandboxSeed.ERIN_SCIM).getMetadata().getLabelsMap().get(TeleportResources.ORIGIN_LABEL));
    }

    @Test
    void botLockedExpiredAndTraitHeavyUsers() {
        UserV2 bot = user(SandboxSeed.BOT_CI);
        assertEquals("ci", bot.getMetadata().getLabelsMap().get(TeleportResources.BOT_LABEL));
        assertEquals(List.of("bot-ci"), bot.getSpec().getRolesList());

        UserV2 mallory = user(SandboxSeed.MALLORY_LOCKED);
        assertTrue(mallory.getSpec().getStatus().getIsLocked());
        assertFalse(mallory.getSpec().getStatus().getLockedMessage().isEmpty());
        assertTrue(ProtoTime.toInstant(mallory.getSpec().getStatus().getLockExpires()).isAfter(NOW));

        assertTrue(ProtoTime.toInstant(user(SandboxSeed.FRANK_EXPIRED).getSpec().getExpires()).isBefore(NOW));
        assertTrue(ProtoTime.isUnset(user(SandboxSeed.ALICE).getSpec().getExpires()));

        var traits = user(SandboxSeed.GRACE_TRAITS).getSpec().getTraits().getValuesMap();
        assertTrue(traits.size() >= 10);
        assertTrue(traits.containsKey("logins") && traits.containsKey("kubernetes_groups"));
        assertTrue(traits.get("ssh_public_keys").getValues(0).length() > 1000);
        assertTrue(traits.get("projects").getValuesCount() > 50);
    }

    @Test
    void aUserIsAssignedARoleThatDoesNotExist() {
        assertTrue(user(SandboxSeed.KATE).getSpec().getRolesList().contains(SandboxSeed.MISSING_ROLE));
        assertTrue(data.role(SandboxSeed.MISSING_ROLE).isEmpty());
    }

    @Test
    void aMemberOwnerAndReviewerIsNotAUser() {
        assertTrue(data.user(SandboxSeed.OSCAR_GONE).isEmpty());
        assertTrue(data.member(SandboxSeed.ENGINEERING, SandboxSeed.OSCAR_GONE).isPresent());
        assertTrue(list(SandboxSeed.OKTA_EVERYONE).getSpec().getOwnersList().stream()
                .allMatch(owner -> owner.getName().equals(SandboxSeed.OSCAR_GONE)
                        && owner.getIneligibleStatus() == TeleportResources.USER_NOT_EXIST));
        assertTrue(data.reviews(SandboxSeed.SECURITY).get(0).getSpec().getReviewersList().contains(SandboxSeed.OSCAR_GONE));
    }

    @Test
    void rolesCoverRulesEscalationsLabelsAndOptions() {
        assertEquals("*", role("editor").getSpec().getAllow().getRules(0).getResources(0));
        assertEquals("*", role("editor").getSpec().getAllow().getRules(0).getVerbs(0));
        assertEquals(Set.of("user", "role", "access_list", "user_login_state", "lock", "access_request", "bot",
                        "bot_instance", "saml", "oidc", "github"),
                Set.copyOf(role("jupiterone-reader").getSpec().getAllow().getRules(0).getResourcesList()));
        assertEquals(List.of("^dev-.*$", "editor"), role("requester").getSpec().getAllow().getRequest().getRolesList());
        assertEquals(List.of("access"), role("requester").getSpec().getAllow().getRequest().getSearchAsRolesList());
        assertEquals(List.of("dev-*"), role("reviewer").getSpec().getAllow().getReviewRequests().getRolesList());
        assertEquals(List.of("bot-*"), role("impersonator").getSpec().getAllow().getImpersonate().getUsersList());
        assertEquals(List.of("access"), role("impersonator").getSpec().getAllow().getImpersonate().getRolesList());
        assertEquals(4L * 3_600_000_000_000L, role("dev-db").getSpec().getOptions().getMaxSessionTTL());
        assertEquals(1, role("dev-k8s").getSpec().getOptions().getRequireMFAType());
        assertTrue(role("access").getSpec().getAllow().getNodeLabels().containsValues("*"));
        assertTrue(role("dev-db").getSpec().getAllow().getDatabaseLabels().containsValues("env"));
        assertTrue(role("dev-k8s").getSpec().getAllow().getKubernetesLabels().containsValues("env"));
        assertTrue(role("bot-ci").getSpec().getAllow().getAppLabels().containsValues("app"));
        assertTrue(role("access").getSpec().getAllow().getLoginsList().contains("{{internal.logins}}"));
        assertEquals(List.of("root"), role("bot-ci").getSpec().getDeny().getLoginsList());
        assertEquals("delete", role("auditor").getSpec().getDeny().getRules(0).getVerbs(0));
        assertTrue(data.roles().anyMatch(role -> role.getMetadata().getName().startsWith("@teleport-")));
    }

    @Test
    void accessListsCoverNestingOwnersGrantsAndAudits() {
        AccessList engineering = list(SandboxSeed.ENGINEERING);
        assertEquals("Engineering", engineering.getSpec().getTitle());
        assertEquals(List.of("dev-db", "dev-k8s"), engineering.getSpec().getGrants().getRolesList());
        assertEquals(Set.of(SandboxSeed.ALICE, SandboxSeed.HEIDI, SandboxSeed.SECURITY),
                engineering.getSpec().getOwnersList().stream().map(owner -> owner.getName()).collect(Collectors.toSet()));
        assertEquals(List.of(SandboxSeed.ENGINEERING), list(SandboxSeed.SECURITY).getStatus().getOwnerOfList());

        Member nested = data.member(SandboxSeed.ENGINEERING, SandboxSeed.PLATFORM_ONCALL).orElseThrow();
        assertEquals(TeleportResources.KIND_LIST, nested.getSpec().getMembershipKind());
        assertEquals(List.of(SandboxSeed.ENGINEERING), list(SandboxSeed.PLATFORM_ONCALL).getStatus().getMemberOfList());
        assertEquals(TeleportResources.MISSING_REQUIREMENTS,
                data.member(SandboxSeed.ENGINEERING, SandboxSeed.JUDY).orElseThrow().getSpec().getIneligibleStatus());

        Member expired = data.member(SandboxSeed.CONTRACTORS, SandboxSeed.FRANK_EXPIRED).orElseThrow();
        assertTrue(ProtoTime.toInstant(expired.getSpec().getExpires()).isBefore(NOW));

        assertTrue(ProtoTime.toInstant(list(SandboxSeed.SECURITY).getSpec().getAudit().getNextAuditDate()).isBefore(NOW));
        assertTrue(ProtoTime.toInstant(engineering.getSpec().getAudit().getNextAuditDate()).isAfter(NOW));

        AccessList production = list(SandboxSeed.PRODUCTION_ACCESS);
        assertEquals(List.of("reviewer"), production.getSpec().getOwnerGrants().getRolesList());
        assertEquals(List.of("access"), production.getSpec().getMembershipRequires().getRolesList());
        assertEquals(1, production.getSpec().getMembershipRequires().getTraitsCount());
        assertEquals("scim", list(SandboxSeed.OKTA_EVERYONE).getSpec().getType());
    }

    @Test
    void reviewsCarryReviewersNotesAndChanges() {
        List<Review> engineering = data.reviews(SandboxSeed.ENGINEERING);
        assertEquals(2, engineering.size());
        Review changed = engineering.stream().filter(review -> review.getSpec().hasChanges()).findFirst().orElseThrow();
        assertEquals(List.of("former-employee@example.com"), changed.getSpec().getChanges().getRemovedMembersList());
        assertEquals(3, changed.getSpec().getChanges().getReviewFrequencyChanged());
        assertFalse(changed.getSpec().getNotes().isEmpty());
        assertEquals(2, changed.getSpec().getReviewersCount());
        assertTrue(data.reviews(SandboxSeed.PRODUCTION_ACCESS).get(0).getSpec().getChanges().hasMembershipRequirementsChanged());
    }

    @Test
    void seedIsDeterministic() {
        SandboxData again = SandboxCluster.populate(SandboxSize.DEMO, NOW);
        assertEquals(data.users().toList(), again.users().toList());
        assertEquals(data.allMembers().toList(), again.allMembers().toList());
        assertEquals(data.accessLists().toList(), again.accessLists().toList());
    }

    @Test
    void generatedDataIsRealisticAndDeterministic() {
        SandboxData scaled = SandboxCluster.populate(new SandboxSize(500, 40, 60, 2_000, 200), NOW);
        UserV2 generated = scaled.user("user-000010@example.com").orElseThrow();
        int traits = generated.getSpec().getTraits().getValuesCount();
        assertTrue(traits >= 5 && traits <= 10, "traits: " + traits);
        assertEquals(scaled.user("user-000010@example.com"),
                SandboxCluster.populate(new SandboxSize(500, 40, 60, 2_000, 200), NOW).user("user-000010@example.com"));
        assertTrue(scaled.allMembers().anyMatch(member -> member.getSpec().getMembershipKind() == TeleportResources.KIND_LIST));
        assertTrue(scaled.allMembers().anyMatch(member -> member.getSpec().getExpires().getSeconds() > 0
                && ProtoTime.toInstant(member.getSpec().getExpires()).isBefore(NOW)));
        assertTrue(scaled.accessLists().anyMatch(list ->
                ProtoTime.toInstant(list.getSpec().getAudit().getNextAuditDate()).isBefore(NOW)));
        assertTrue(scaled.roles().anyMatch(role -> role.getSpec().getAllow().getRequest().getRolesCount() > 0));
        assertTrue(scaled.users().anyMatch(user -> user.getSpec().getStatus().getIsLocked()));
        assertEquals(2_000, scaled.memberCount());
    }
}

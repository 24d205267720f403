package org.teleportj1.sandbox;

import static org.teleportj1.sandbox.TeleportResources.BOT_LABEL;
import static org.teleportj1.sandbox.TeleportResources.ELIGIBLE;
import static org.teleportj1.sandbox.TeleportResources.KIND_LIST;
import static org.teleportj1.sandbox.TeleportResources.KIND_USER;
import static org.teleportj1.sandbox.TeleportResources.MISSING_REQUIREMENTS;
import static org.teleportj1.sandbox.TeleportResources.ORIGIN_LABEL;
import static org.teleportj1.sandbox.TeleportResources.USER_NOT_EXIST;
import static org.teleportj1.sandbox.TeleportResources.labelValues;
import static org.teleportj1.sandbox.TeleportResources.trait;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.AccessListGrants;
import org.teleportj1.proto.accesslist.v1.AccessListRequires;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.accesslist.v1.ReviewChanges;
import org.teleportj1.proto.types.AccessRequestConditions;
import org.teleportj1.proto.types.AccessReviewConditions;
import org.teleportj1.proto.types.ConnectorRef;
import org.teleportj1.proto.types.CreatedBy;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.ImpersonateConditions;
import org.teleportj1.proto.types.LoginStatus;
import org.teleportj1.proto.types.RoleConditions;
import org.teleportj1.proto.types.RoleOptions;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.Rule;
import org.teleportj1.proto.types.UserStatusV2;
import org.teleportj1.proto.types.UserV2;

/**
 * The built-in demo cluster: a dozen users, a dozen roles and six access lists chosen so that every
 * case the graph model distinguishes occurs at least once. Times are relative to {@code now}, so
 * "expired" and "overdue" stay true whenever the sandbox starts.
 */
public final class SandboxSeed {
    // users
    public static final String ALICE = "alice@example.com";
    public static final String BOB_GITHUB = "bob";
    public static final String CAROL_SAML = "carol@example.com";
    public static final String DAVE_OIDC = "dave@example.com";
    public static final String ERIN_SCIM = "erin@example.com";
    public static final String BOT_CI = "bot-ci";
    public static final String MALLORY_LOCKED = "mallory@example.com";
    public static final String FRANK_EXPIRED = "frank@example.com";
    public static final String GRACE_TRAITS = "grace@example.com";
    public static final String HEIDI = "heidi@example.com";
    public static final String IVAN = "ivan@example.com";
    public static final String JUDY = "judy@example.com";
    /** Assigned a role that does not exist. */
    public static final String KATE = "kate@example.com";
    public static final String READER = IdentityRequest.READER;
    /** An SSO user whose login expired: a member, owner and reviewer, but not in the user list. */
    public static final String OSCAR_GONE = "oscar@example.com";
    public static final String MISSING_ROLE = "legacy-admin";
    /** A SAML attribute name: traits names can carry '/', ':' and '.'. */
    public static final String SAML_EMAIL_TRAIT = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";

    // access lists: ids are UUIDs as in Teleport, titles are what humans read
    public static final String ENGINEERING = "4b8c1a2e-0f3d-4c59-9a6e-1d2b3c4d5e01";
    public static final String PLATFORM_ONCALL = "7e2d9c41-5a6b-4f18-8c3d-2e4f5a6b7c02";
    public static final String CONTRACTORS = "a13f5e72-8b9c-4d0e-9f1a-3b4c5d6e7f03";
    public static final String PRODUCTION_ACCESS = "c9d8e7f6-1a2b-4c3d-8e9f-4a5b6c7d8e04";
    public static final String SECURITY = "e5f4a3b2-c1d0-4e9f-8a7b-5c6d7e8f9a05";
    public static final String OKTA_EVERYONE = "f0e1d2c3-b4a5-4968-8776-6d5c4b3a2f06";

    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    private final Instant now;
    private final SandboxData data;

    private SandboxSeed(Instant now, SandboxData data) {
        this.now = now;
        this.data = data;
    }

    /** Writes the demo data into {@code data}. */
    public static void plant(SandboxData data, Instant now) {
        SandboxSeed seed = new SandboxSeed(now, data);
        seed.roles();
        seed.users();
        seed.accessLists();
        seed.members();
        seed.reviews();
        SandboxControlsSeed.plant(data, now);
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private Instant in(Duration duration) {
        return now.plus(duration);
    }

    // ---------------------------------------------------------------- users

    private void users() {
        Map<String, List<String>> aliceTraits = new LinkedHashMap<>();
        aliceTraits.put("logins", List.of("alice", "root"));
        aliceTraits.put("kubernetes_groups", List.of("system:masters"));
        data.putUser(local(ALICE, List.of("editor", "access"), aliceTraits, 400)
                .setStatus(UserStatusV2.newBuilder().setPasswordState(2).setMfaWeakestDevice(3))
                .build());

        UserV2.Builder bob = sso(BOB_GITHUB, List.of("access", "dev-k8s"), "github", "github", "bob-octocat",
                Map.of("logins", List.of("bob"), "github_teams", List.of("acme/platform", "acme/sre")));
        bob.getSpecBuilder().addGithubIdentities(ExternalIdentity.newBuilder()
                .setConnectorID("github").setUsername("bob-octocat").setUserID("583231"));
        data.putUser(bob.build());

        Map<String, List<String>> carolTraits = new LinkedHashMap<>();
        carolTraits.put("groups", List.of("Everyone", "Engineering"));
        carolTraits.put(SAML_EMAIL_TRAIT, List.of(CAROL_SAML));
        carolTraits.put("logins", List.of("carol"));
        UserV2.Builder carol = sso(CAROL_SAML, List.of("access"), "saml", "okta", CAROL_SAML, carolTraits);
        carol.getMetadataBuilder().putLabels(ORIGIN_LABEL, "okta");
        carol.getSpecBuilder().addSAMLIdentities(ExternalIdentity.newBuilder().setConnectorID("okta")
                .setUsername(CAROL_SAML).setSAMLSingleLogoutURL("https://acme.okta.com/app/teleport/slo"));
        data.putUser(carol.build());

        UserV2.Builder dave = sso(DAVE_OIDC, List.of("access"), "oidc", "google", DAVE_OIDC,
                Map.of("logins", List.of("dave"), "groups", List.of("oncall@example.com")));
        dave.getSpecBuilder().addOIDCIdentities(ExternalIdentity.newBuilder()
                .setConnectorID("google").setUsername(DAVE_OIDC));
        data.putUser(dave.build());

        UserV2.Builder erin = local(ERIN_SCIM, List.of("access"),
                Map.of("department", List.of("Finance"), "logins", List.of("erin")), 90);
        erin.getMetadataBuilder().putLabels(ORIGIN_LABEL, "scim");
        data.putUser(erin.build());

        // tbot's bot user: label value is the bot's name, the user name is bot-<name>
        UserV2.Builder bot = local(BOT_CI, List.of("bot-ci"), Map.of("logins", List.of("ci")), 200);
        bot.getMetadataBuilder().putLabels(BOT_LABEL, "ci").putLabels("teleport.internal/bot-generation", "1");
        data.putUser(bot.build());

        UserV2.Builder mallory = local(MALLORY_LOCKED, List.of("access"), Map.of("logins", List.of("mallory")), 30);
        mallory.getSpecBuilder().setStatus(LoginStatus.newBuilder().setIsLocked(true)
                .setLockedMessage("user has exceeded maximum failed login attempts")
                .setLockedTime(ProtoTime.of(ago(Duration.ofMinutes(10))))
                .setLockExpires(ProtoTime.of(in(Duration.ofMinutes(20)))));
        data.putUser(mallory.build());

        UserV2.Builder frank = local(FRANK_EXPIRED, List.of("access", "dev-db"), Map.of("logins", List.of("frank")), 365);
        frank.getSpecBuilder().setExpires(ProtoTime.of(ago(Duration.ofDays(3))));
        data.putUser(frank.build());

        data.putUser(local(GRACE_TRAITS, List.of("access", "requester"), graceTraits(), 120).build());
        data.putUser(local(HEIDI, List.of("access", "reviewer"), Map.of("logins", List.of("heidi")), 700).build());
        data.putUser(local(IVAN, List.of("access", "impersonator"), Map.of("logins", List.of("ivan")), 50).build());
        data.putUser(local(JUDY, List.of("auditor"), Map.of(), 20).build());
        data.putUser(local(KATE, List.of("access", MISSING_ROLE), Map.of("logins", List.of("kate")), 1000).build());
        data.putUser(local(READER, List.of("jupiterone-reader"), Map.of(), 1).build());
    }

    private Map<String, List<String>> graceTraits() {
        Map<String, List<String>> traits = new LinkedHashMap<>();
        traits.put("logins", List.of("grace", "ubuntu", "ec2-user"));
        traits.put("kubernetes_groups", List.of("developers", "viewers"));
        traits.put("kubernetes_users", List.of("grace"));
        traits.put("db_users", List.of("grace", "readonly"));
        traits.put("db_names", List.of("orders", "billing"));
        traits.put("aws_role_arns", List.of("arn:aws:iam::123456789012:role/Developer"));
        traits.put("windows_logins", List.of("Administrator"));
        traits.put("github_teams", List.of("acme/backend"));
        traits.put("department", List.of("Engineering"));
        // values far longer than any J1 property limit, and many of them
        traits.put("ssh_public_keys", List.of("ssh-ed25519 " + "A".repeat(1200) + " grace@laptop"));
        traits.put("projects", java.util.stream.IntStream.range(0, 60).mapToObj(i -> "project-" + i).toList());
        return traits;
    }

    private UserV2.Builder local(String name, List<String> roles, Map<String, List<String>> traits, int ageDays) {
        UserV2.Builder user = TeleportResources.user(name, roles);
        user.getSpecBuilder()
                .setTraits(labelValues(traits))
                .setCreatedBy(CreatedBy.newBuilder().setTime(ProtoTime.of(ago(Duration.ofDays(ageDays)))));
        return user.setStatus(UserStatusV2.newBuilder().setPasswordState(2).setMfaWeakestDevice(2));
    }

    /** SSO users are created at login and expire with it (metadata.expires set). */
    private UserV2.Builder sso(String name, List<String> roles, String connectorType, String connector,
                               String identity, Map<String, List<String>> traits) {
        UserV2.Builder user = TeleportResources.user(name, roles);
        user.getMetadataBuilder().setExpires(ProtoTime.of(in(Duration.ofHours(8))));
        user.getSpecBuilder()
                .setTraits(labelValues(traits))
                .setCreatedBy(CreatedBy.newBuilder()
                        .setConnector(ConnectorRef.newBuilder().setType(connectorType).setID(connector)
                                .setIdentity(identity))
                        .setTime(ProtoTime.of(ago(Duration.ofHours(4)))));
        return user.setStatus(UserStatusV2.newBuilder().setPasswordState(1).setMfaWeakestDevice(1));
    }

    // ---------------------------------------------------------------- roles

    private void roles() {
        Rule all = rule(List.of("*"), List.of("*"));
        data.putRole(role("editor", "Edit cluster configuration", 8, 0,
                RoleConditions.newBuilder().addRules(all), RoleConditions.newBuilder()));
        data.putRole(role("access", "Access cluster resources", 30, 0,
                RoleConditions.newBuilder()
                        .addLogins("{{internal.logins}}")
                        .addNamespaces("default")
                        .setNodeLabels(labelValues(Map.of("*", List.of("*"))))
                        .setAppLabels(labelValues(Map.of("*", List.of("*"))))
                        .setDatabaseLabels(labelValues(Map.of("*", List.of("*"))))
                        .setKubernetesLabels(labelValues(Map.of("*", List.of("*"))))
                        .addKubeGroups("{{internal.kubernetes_groups}}")
                        .addDatabaseNames("{{internal.db_names}}")
                        .addDatabaseUsers("{{internal.db_users}}")
                        .addAWSRoleARNs("{{internal.aws_role_arns}}")
                        .addWindowsDesktopLogins("{{internal.windows_logins}}")
                        .addRules(rule(List.of("session"), List.of("read", "list")).toBuilder()
                                .setWhere("contains(session.participants, user.metadata.name)")),
                RoleConditions.newBuilder()));
        data.putRole(role("auditor", "Review cluster events and replay sessions", 30, 0,
                RoleConditions.newBuilder()
                        .addRules(rule(List.of("session", "event"), List.of("list", "read"))),
                RoleConditions.newBuilder()
                        .addRules(rule(List.of("session"), List.of("delete")))));
        data.putRole(role("jupiterone-reader", "Read-only inventory for JupiterOne", 12, 0,
                RoleConditions.newBuilder().addRules(rule(
                        List.of("user", "role", "access_list", "user_login_state", "lock", "access_request", "bot",
                                "bot_instance", "saml", "oidc", "github"), List.of("list", "read"))),
                RoleConditions.newBuilder()));
        RoleV6.Builder requester = role("requester", "Request developer roles and editor", 8, 0,
                RoleConditions.newBuilder().setRequest(AccessRequestConditions.newBuilder()
                        .addRoles("^dev-.*$").addRoles("editor")
                        .addSearchAsRoles("access")
                        .addSuggestedReviewers(HEIDI)
                        .setMaxDuration(4 * HOUR_NANOS)),
                RoleConditions.newBuilder()).toBuilder();
        requester.getSpecBuilder().getOptionsBuilder()
                .setRequestAccess("reason").setRequestPrompt("Which ticket is this for?");
        data.putRole(requester.build());
        data.putRole(role("reviewer", "Review requests for developer roles", 8, 0,
                RoleConditions.newBuilder().setReviewRequests(AccessReviewConditions.newBuilder()
                        .addRoles("dev-*").addPreviewAsRoles("access")),
                RoleConditions.newBuilder()));
        data.putRole(role("impersonator", "Impersonate bots with the access role", 1, 0,
                RoleConditions.newBuilder().setImpersonate(ImpersonateConditions.newBuilder()
                        .addUsers("bot-*").addRoles("access")),
                RoleConditions.newBuilder()));
        data.putRole(role("dev-db", "Developer database access", 4, 1,
                RoleConditions.newBuilder()
                        .setDatabaseLabels(labelValues(Map.of("env", List.of("dev", "staging"))))
                        .addDatabaseNames("*").addDatabaseUsers("{{internal.db_users}}"),
                RoleConditions.newBuilder().addDatabaseNames("billing").addDatabaseUsers("postgres")));
        data.putRole(role("dev-k8s", "Developer Kubernetes access", 4, 1,
                RoleConditions.newBuilder()
                        .setKubernetesLabels(labelValues(Map.of("env", List.of("dev"), "region", List.of("eu-*"))))
                        .addKubeGroups("developers").addKubeUsers("{{external.email}}"),
                RoleConditions.newBuilder().addKubeGroups("system:masters")));
        data.putRole(role("bot-ci", "Role of the ci bot", 1, 0,
                RoleConditions.newBuilder()
                        .addLogins("ci")
                        .setNodeLabels(labelValues(Map.of("env", List.of("ci"))))
                        .setAppLabels(labelValues(Map.of("app", List.of("artifacts"))))
                        .addRules(rule(List.of("node", "app"), List.of("list", "read"))),
                RoleConditions.newBuilder().addLogins("root")));
        RoleV6.Builder approver = role("@teleport-access-approver", "System role: approves any request", 1, 0,
                RoleConditions.newBuilder().setReviewRequests(AccessReviewConditions.newBuilder().addRoles("*")),
                RoleConditions.newBuilder()).toBuilder();
        approver.getMetadataBuilder().putLabels("teleport.internal/resource-type", "system");
        data.putRole(approver.build());
    }

    private static RoleV6 role(String name, String description, int maxSessionHours, int requireMfa,
                               RoleConditions.Builder allow, RoleConditions.Builder deny) {
        RoleV6.Builder role = TeleportResources.role(name);
        role.getMetadataBuilder().setDescription(description);
        role.getSpecBuilder()
                .setOptions(RoleOptions.newBuilder()
                        .setMaxSessionTTL(maxSessionHours * HOUR_NANOS)
                        .setRequireMFAType(requireMfa))
                .setAllow(allow)
                .setDeny(deny);
        return role.build();
    }

    private static Rule rule(List<String> resources, List<String> verbs) {
        return Rule.newBuilder().addAllResources(resources).addAllVerbs(verbs).build();
    }

    // ---------------------------------------------------------------- access lists

    private void accessLists() {
        AccessList.Builder engineering = TeleportResources.accessList(ENGINEERING, "Engineering",
                List.of(ALICE, HEIDI), 1, in(Duration.ofDays(20)));
        engineering.getSpecBuilder()
                .setDescription("Everyone who builds the product")
                .addOwners(TeleportResources.owner(SECURITY, KIND_LIST, ELIGIBLE))
                .setGrants(grants(List.of("dev-db", "dev-k8s"), "team", "engineering"))
                .setMembershipRequires(AccessListRequires.newBuilder().addRoles("access"));
        data.putAccessList(engineering.build());

        AccessList.Builder oncall = TeleportResources.accessList(PLATFORM_ONCALL, "Platform on-call",
                List.of(IVAN), 3, in(Duration.ofDays(45)));
        oncall.getSpecBuilder()
                .setDescription("Engineers on the platform on-call rotation")
                .setGrants(grants(List.of("access", "requester"), "on_call", "platform"));
        data.putAccessList(oncall.build());

        AccessList.Builder contractors = TeleportResources.accessList(CONTRACTORS, "Contractors",
                List.of(HEIDI), 6, in(Duration.ofDays(90)));
        contractors.getSpecBuilder()
                .setDescription("Time-boxed access for contractors")
                .setGrants(grants(List.of("access"), "employment", "contractor"));
        data.putAccessList(contractors.build());

        AccessList.Builder production = TeleportResources.accessList(PRODUCTION_ACCESS, "Production access",
                List.of(ALICE), 12, in(Duration.ofDays(200)));
        production.getSpecBuilder()
                .setDescription("Break-glass administration of production")
                .setGrants(grants(List.of("editor"), "environment", "production"))
                .setOwnerGrants(AccessListGrants.newBuilder().addRoles("reviewer"))
                .setMembershipRequires(AccessListRequires.newBuilder().addRoles("access")
                        .addTraits(trait("department", "Engineering")))
                .setOwnershipRequires(AccessListRequires.newBuilder().addRoles("editor"))
                .getAuditBuilder().getRecurrenceBuilder().setDayOfMonth(15);
        data.putAccessList(production.build());

        AccessList.Builder security = TeleportResources.accessList(SECURITY, "Security team",
                List.of(HEIDI), 3, ago(Duration.ofDays(5)));
        security.getSpecBuilder()
                .setDescription("Security engineering; owns the Engineering list")
                .setGrants(grants(List.of("auditor"), "team", "security"))
                .getAuditBuilder().getRecurrenceBuilder().setDayOfMonth(31);
        data.putAccessList(security.build());

        AccessList.Builder okta = TeleportResources.accessList(OKTA_EVERYONE, "Okta Everyone", List.of(), 6,
                in(Duration.ofDays(120)));
        okta.getHeaderBuilder().getMetadataBuilder().putLabels(ORIGIN_LABEL, "okta");
        okta.getSpecBuilder()
                .setType("scim")
                .setDescription("Synced from the Okta group Everyone")
                .addOwners(TeleportResources.owner(OSCAR_GONE, KIND_USER, USER_NOT_EXIST))
                .setGrants(grants(List.of("access"), "groups", "Everyone"));
        data.putAccessList(okta.build());
    }

    private static AccessListGrants grants(List<String> roles, String traitName, String traitValue) {
        return AccessListGrants.newBuilder().addAllRoles(roles).addTraits(trait(traitName, traitValue)).build();
    }

    private void members() {
        member(ENGINEERING, BOB_GITHUB, KIND_USER, 300, null, ELIGIBLE);
        member(ENGINEERING, CAROL_SAML, KIND_USER, 200, null, ELIGIBLE);
        member(ENGINEERING, JUDY, KIND_USER, 100, null, MISSING_REQUIREMENTS);
        member(ENGINEERING, OSCAR_GONE, KIND_USER, 500, null, USER_NOT_EXIST);
        member(ENGINEERING, PLATFORM_ONCALL, KIND_LIST, 250, null, ELIGIBLE);
        member(PLATFORM_ONCALL, DAVE_OIDC, KIND_USER, 60, null, ELIGIBLE);
        member(PLATFORM_ONCALL, IVAN, KIND_USER, 60, null, ELIGIBLE);
        member(PLATFORM_ONCALL, GRACE_TRAITS, KIND_USER, 30, in(Duration.ofDays(14)), ELIGIBLE);
        // expired ten days ago, yet still stored as eligible: Teleport only marks it later
        member(CONTRACTORS, FRANK_EXPIRED, KIND_USER, 100, ago(Duration.ofDays(10)), ELIGIBLE);
        member(CONTRACTORS, KATE, KIND_USER, 40, in(Duration.ofDays(30)), ELIGIBLE);
        member(PRODUCTION_ACCESS, GRACE_TRAITS, KIND_USER, 15, in(Duration.ofDays(7)), ELIGIBLE);
        member(PRODUCTION_ACCESS, KATE, KIND_USER, 15, null, ELIGIBLE);
        member(SECURITY, ALICE, KIND_USER, 400, null, ELIGIBLE);
        member(SECURITY, MALLORY_LOCKED, KIND_USER, 35, null, ELIGIBLE);
        member(OKTA_EVERYONE, CAROL_SAML, KIND_USER, 200, null, ELIGIBLE);
        member(OKTA_EVERYONE, ERIN_SCIM, KIND_USER, 90, null, ELIGIBLE);
    }

    private void member(String list, String name, int kind, int joinedDaysAgo, Instant expires, int ineligible) {
        Member.Builder member = TeleportResources.member(list, name, kind, ago(Duration.ofDays(joinedDaysAgo)), expires);
        member.getSpecBuilder()
                .setIneligibleStatus(ineligible)
                .setReason(kind == KIND_LIST ? "on-call engineers are engineers" : "team member")
                .setAddedBy(list.equals(OKTA_EVERYONE) ? "okta-scim" : ALICE);
        data.putMember(member.build());
    }

    private void reviews() {
        Review.Builder quarterly = TeleportResources.review(ENGINEERING, "0d9e6c1b-3f2a-4e5d-9c8b-7a6f5e4d3c21",
                List.of(ALICE, HEIDI), ago(Duration.ofDays(40)), "Quarterly review; removed a departed contractor.");
        quarterly.getSpecBuilder().setChanges(ReviewChanges.newBuilder()
                .addRemovedMembers("former-employee@example.com")
                .setReviewFrequencyChanged(3)
                .setReviewDayOfMonthChanged(15));
        data.putReview(quarterly.build());
        data.putReview(TeleportResources.review(ENGINEERING, "1e0f7d2c-4a3b-4f6e-8d9c-8b7a6f5e4d32",
                List.of(ALICE), ago(Duration.ofDays(10)), "No changes.").build());
        data.putReview(TeleportResources.review(SECURITY, "2f1a8e3d-5b4c-4a7f-9eab-9c8b7a6f5e43",
                List.of(OSCAR_GONE), ago(Duration.ofDays(100)), "Last review before the reorg.").build());
        Review.Builder production = TeleportResources.review(PRODUCTION_ACCESS, "3a2b9f4e-6c5d-4b8a-8fbc-ad9c8b7a6f54",
                List.of(ALICE), ago(Duration.ofDays(60)), "Tightened requirements: department must be Engineering.");
        production.getSpecBuilder().setChanges(ReviewChanges.newBuilder()
                .setMembershipRequirementsChanged(AccessListRequires.newBuilder().addRoles("access")
                        .addTraits(trait("department", "Engineering"))));
        data.putReview(production.build());
    }
}

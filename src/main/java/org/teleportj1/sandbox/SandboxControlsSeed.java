package org.teleportj1.sandbox;

import static org.teleportj1.sandbox.SandboxSeed.CAROL_SAML;
import static org.teleportj1.sandbox.SandboxSeed.DAVE_OIDC;
import static org.teleportj1.sandbox.SandboxSeed.GRACE_TRAITS;
import static org.teleportj1.sandbox.SandboxSeed.HEIDI;
import static org.teleportj1.sandbox.SandboxSeed.IVAN;
import static org.teleportj1.sandbox.SandboxSeed.JUDY;
import static org.teleportj1.sandbox.SandboxSeed.KATE;
import static org.teleportj1.sandbox.SandboxSeed.PRODUCTION_ACCESS;
import static org.teleportj1.sandbox.TeleportResources.APPROVED;
import static org.teleportj1.sandbox.TeleportResources.DENIED;
import static org.teleportj1.sandbox.TeleportResources.PENDING;
import static org.teleportj1.sandbox.TeleportResources.PROMOTED;
import static org.teleportj1.sandbox.TeleportResources.accessRequest;
import static org.teleportj1.sandbox.TeleportResources.bot;
import static org.teleportj1.sandbox.TeleportResources.botInstance;
import static org.teleportj1.sandbox.TeleportResources.lock;
import static org.teleportj1.sandbox.TeleportResources.review;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.AccessReview;
import org.teleportj1.proto.types.AttributeMapping;
import org.teleportj1.proto.types.ClaimMapping;
import org.teleportj1.proto.types.GithubConnectorSpecV3;
import org.teleportj1.proto.types.GithubConnectorV3;
import org.teleportj1.proto.types.LockTarget;
import org.teleportj1.proto.types.OIDCConnectorSpecV3;
import org.teleportj1.proto.types.OIDCConnectorV3;
import org.teleportj1.proto.types.PromotedAccessList;
import org.teleportj1.proto.types.SAMLConnectorSpecV2;
import org.teleportj1.proto.types.SAMLConnectorV2;
import org.teleportj1.proto.types.TeamRolesMapping;

/**
 * The demo cluster's locks, access requests, bots, bot instances and SSO connectors: every case the
 * graph distinguishes (in-force, expired and role locks; pending, approved, denied, expired and
 * promoted requests; stale and fresh bots; mappings to missing roles and pattern values).
 */
final class SandboxControlsSeed {
    /** In force, on a member of the platform on-call list. */
    static final String LOCK_IVAN = "lock-ivan-laptop";
    /** Expired three days ago: heidi is not locked any more. */
    static final String LOCK_HEIDI_EXPIRED = "lock-heidi-expired";
    /** On a role: everyone holding dev-k8s is locked. */
    static final String LOCK_ROLE_DEV_K8S = "lock-role-dev-k8s";
    /** Approved, in force: grace gets editor, which she holds nowhere else. */
    static final String REQUEST_GRACE_EDITOR = "0b6f3c1e-7a1d-4f52-9b0e-0c1d2e3f4a01";
    static final String REQUEST_JUDY_EXPIRED = "1c7a4d2f-8b2e-4a63-8c1f-1d2e3f4a5b02";
    static final String REQUEST_DAVE_PENDING = "2d8b5e3a-9c3f-4b74-9d2a-2e3f4a5b6c03";
    static final String REQUEST_KATE_DENIED = "3e9c6f4b-ad4a-4c85-ae3b-3f4a5b6c7d04";
    static final String REQUEST_CAROL_PROMOTED = "4fad7a5c-be5b-4d96-bf4c-4a5b6c7d8e05";
    static final String BOT_CI = "ci";
    /** Its user is not in the user list, its only instance has not been seen for 45 days. */
    static final String BOT_DEPLOY = "deploy";

    private final SandboxData data;
    /** The start of the day (see SandboxCluster.start): "in force" times reach past the day's end. */
    private final Instant now;

    private SandboxControlsSeed(SandboxData data, Instant now) {
        this.data = data;
        this.now = now;
    }

    static void plant(SandboxData data, Instant now) {
        SandboxControlsSeed seed = new SandboxControlsSeed(data, now);
        seed.locks();
        seed.accessRequests();
        seed.bots();
        seed.connectors();
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private Instant in(Duration duration) {
        return now.plus(duration);
    }

    private void locks() {
        data.putLock(lock(LOCK_IVAN, LockTarget.newBuilder().setUser(IVAN).build(),
                "Laptop reported stolen (INC-4211)", ago(Duration.ofHours(5)), in(Duration.ofDays(2))));
        data.putLock(lock(LOCK_HEIDI_EXPIRED, LockTarget.newBuilder().setUser(HEIDI).build(),
                "Off-boarding review", ago(Duration.ofDays(10)), ago(Duration.ofDays(3))));
        data.putLock(lock(LOCK_ROLE_DEV_K8S, LockTarget.newBuilder().setRole("dev-k8s").build(),
                "Cluster upgrade freeze", ago(Duration.ofHours(1)), null));
        // only some interactions of a login: no user is locked out by it
        data.putLock(lock("lock-root-login", LockTarget.newBuilder().setLogin("root").build(),
                "No root logins during the audit", ago(Duration.ofDays(1)), in(Duration.ofDays(6))));
    }

    private void accessRequests() {
        putReviewed(accessRequest(REQUEST_GRACE_EDITOR, GRACE_TRAITS, List.of("editor"), APPROVED,
                ago(Duration.ofHours(2)), in(Duration.ofHours(30)), "Rotate the cluster's CA (CHG-881)")
                .build(), review(HEIDI, APPROVED, "Approved for the change window", ago(Duration.ofHours(1))));
        putReviewed(accessRequest(REQUEST_JUDY_EXPIRED, JUDY, List.of("dev-db"), APPROVED,
                ago(Duration.ofDays(3)), ago(Duration.ofDays(2)), "Investigate slow queries")
                .build(), review(HEIDI, APPROVED, "ok", ago(Duration.ofDays(3))));
        data.putAccessRequest(accessRequest(REQUEST_DAVE_PENDING, DAVE_OIDC, List.of("dev-db"), PENDING,
                ago(Duration.ofMinutes(20)), in(Duration.ofHours(8)), "On-call database access").build());
        putReviewed(accessRequest(REQUEST_KATE_DENIED, KATE, List.of("editor"), DENIED,
                ago(Duration.ofDays(1)), in(Duration.ofHours(4)), "")
                .build(), review(HEIDI, DENIED, "Contractors do not get editor", ago(Duration.ofHours(20))));
        var carol = accessRequest(REQUEST_CAROL_PROMOTED, CAROL_SAML, List.of("dev-k8s"), PROMOTED,
                ago(Duration.ofDays(20)), ago(Duration.ofDays(19)), "Need long-term Kubernetes access");
        carol.getSpecBuilder().setAccessList(PromotedAccessList.newBuilder().setName(PRODUCTION_ACCESS)
                .setTitle("Production access"));
        data.putAccessRequest(carol.build());
    }

    private void bots() {
        data.putBot(bot(BOT_CI, List.of("access", "dev-k8s"), 3600));
        data.putBot(bot(BOT_DEPLOY, List.of("editor"), 43200));
        data.putBotInstance(botInstance(BOT_CI, "6a1e9f0c-2b3d-4e5f-8a9b-0c1d2e3f4a5b", ago(Duration.ofDays(30)),
                "github", "ci-runner-1", List.of(ago(Duration.ofMinutes(30)), ago(Duration.ofMinutes(10)))));
        // joined, never sent a heartbeat: only the join time is known
        data.putBotInstance(botInstance(BOT_CI, "7b2fa01d-3c4e-4f60-9bac-1d2e3f4a5b6c", ago(Duration.ofDays(3)),
                "github", "", List.of()));
        data.putBotInstance(botInstance(BOT_DEPLOY, "8c30b12e-4d5f-4071-acbd-2e3f4a5b6c7d", ago(Duration.ofDays(90)),
                "token", "deploy-01", List.of(ago(Duration.ofDays(45)))));
        // an instance whose bot was deleted: listed, but no bot to link it to
        data.putBotInstance(botInstance("retired", "9d41c23f-5e60-4182-bdce-3f4a5b6c7d8e", ago(Duration.ofDays(200)),
                "iam", "old-host", List.of(ago(Duration.ofDays(150)))));
    }

    private void connectors() {
        data.putSsoConnector(SAMLConnectorV2.newBuilder().setKind("saml").setVersion("v2")
                .setMetadata(TeleportResources.metadata("okta"))
                .setSpec(SAMLConnectorSpecV2.newBuilder().setDisplay("Okta")
                        .setEntityDescriptorURL("https://acme.okta.com/app/exk1a2b3c4/sso/saml/metadata")
                        .setIssuer("http://www.okta.com/exk1a2b3c4").setProvider("okta")
                        .addAttributesToRoles(mapping("groups", "Engineering", "access", "dev-k8s"))
                        .addAttributesToRoles(mapping("groups", "Platform Admins", "editor"))
                        .addAttributesToRoles(mapping("groups", "Legacy Ops", SandboxSeed.MISSING_ROLE))
                        .addAttributesToRoles(mapping("groups", "^contractor-(.*)$", "access")))
                .build());
        data.putSsoConnector(OIDCConnectorV3.newBuilder().setKind("oidc").setVersion("v3")
                .setMetadata(TeleportResources.metadata("google"))
                .setSpec(OIDCConnectorSpecV3.newBuilder().setDisplay("Google Workspace")
                        .setIssuerURL("https://accounts.google.com").setProvider("google")
                        .addClaimsToRoles(ClaimMapping.newBuilder().setClaim("groups").setValue("sre@acme.com")
                                .addRoles("editor").addRoles("access"))
                        .addClaimsToRoles(ClaimMapping.newBuilder().setClaim("hd").setValue("*")
                                .addRoles("access")))
                .build());
        data.putSsoConnector(GithubConnectorV3.newBuilder().setKind("github").setVersion("v3")
                .setMetadata(TeleportResources.metadata("github"))
                .setSpec(GithubConnectorSpecV3.newBuilder().setDisplay("GitHub")
                        .setEndpointURL("https://github.com")
                        .addTeamsToRoles(team("acme", "platform", "access", "dev-k8s"))
                        .addTeamsToRoles(team("acme", "sre", "editor"))
                        .addTeamsToRoles(team("acme", "interns", "intern-sandbox")))
                .build());
    }

    private void putReviewed(AccessRequestV3 request, AccessReview review) {
        data.putAccessRequest(request.toBuilder().setSpec(request.getSpec().toBuilder().addReviews(review)).build());
    }

    private static AttributeMapping mapping(String attribute, String value, String... roles) {
        return AttributeMapping.newBuilder().setName(attribute).setValue(value).addAllRoles(List.of(roles)).build();
    }

    private static TeamRolesMapping team(String organization, String team, String... roles) {
        return TeamRolesMapping.newBuilder().setOrganization(organization).setTeam(team)
                .addAllRoles(List.of(roles)).build();
    }
}

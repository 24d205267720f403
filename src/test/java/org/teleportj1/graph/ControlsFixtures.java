package org.teleportj1.graph;

import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.time;
import static org.teleportj1.graph.TeleportFixtures.unset;

import java.time.Instant;
import java.util.List;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.machineid.v1.BotInstanceSpec;
import org.teleportj1.proto.machineid.v1.BotInstanceStatus;
import org.teleportj1.proto.machineid.v1.BotInstanceStatusHeartbeat;
import org.teleportj1.proto.machineid.v1.BotSpec;
import org.teleportj1.proto.machineid.v1.BotStatus;
import org.teleportj1.proto.types.AccessRequestSpecV3;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.AccessReview;
import org.teleportj1.proto.types.AttributeMapping;
import org.teleportj1.proto.types.GithubConnectorSpecV3;
import org.teleportj1.proto.types.GithubConnectorV3;
import org.teleportj1.proto.types.LockSpecV2;
import org.teleportj1.proto.types.LockTarget;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.Metadata;
import org.teleportj1.proto.types.PromotedAccessList;
import org.teleportj1.proto.types.SAMLConnectorSpecV2;
import org.teleportj1.proto.types.SAMLConnectorV2;
import org.teleportj1.proto.types.TeamRolesMapping;

/** Hand-made locks, access requests, bots and SSO connectors, shaped like what Teleport sends. */
final class ControlsFixtures {
    static final int PENDING = 1;
    static final int APPROVED = 2;
    static final int DENIED = 3;
    static final int PROMOTED = 4;

    private ControlsFixtures() {
    }

    /** A lock on one {@code kind} ("user", "role", "login") target; {@code expires} null: until deleted. */
    static LockV2 lock(String name, String kind, String target, Instant expires) {
        LockTarget.Builder lockTarget = LockTarget.newBuilder();
        switch (kind) {
            case "user" -> lockTarget.setUser(target);
            case "role" -> lockTarget.setRole(target);
            case "login" -> lockTarget.setLogin(target);
            default -> throw new IllegalArgumentException(kind);
        }
        LockSpecV2.Builder spec = LockSpecV2.newBuilder().setTarget(lockTarget).setMessage("locked by test")
                .setCreatedAt(time(days(-1))).setCreatedBy("admin");
        if (expires != null) {
            spec.setExpires(time(expires));
        }
        return LockV2.newBuilder().setKind("lock").setVersion("v2")
                .setMetadata(Metadata.newBuilder().setName(name)).setSpec(spec).build();
    }

    /** A request for one role; each reviewer approved it. */
    static AccessRequestV3.Builder request(String id, String user, String role, int state, Instant accessExpires,
                                           String... reviewers) {
        AccessRequestV3.Builder request = AccessRequestV3.newBuilder().setKind("access_request").setVersion("v3")
                .setMetadata(Metadata.newBuilder().setName(id))
                .setSpec(AccessRequestSpecV3.newBuilder().setUser(user).addRoles(role).setState(state)
                        .setCreated(time(days(-1))).setExpires(accessExpires == null ? unset() : time(accessExpires))
                        .setRequestReason("because"));
        for (String reviewer : reviewers) {
            request.getSpecBuilder().addReviews(review(reviewer));
        }
        return request;
    }

    static AccessReview review(String author) {
        return AccessReview.newBuilder().setAuthor(author).setProposedState(APPROVED).setReason("ok")
                .setCreated(time(days(-1))).build();
    }

    static AccessRequestV3 promoted(String id, String user, String role, String list) {
        AccessRequestV3.Builder request = request(id, user, role, PROMOTED, days(-10));
        request.getSpecBuilder().setAccessList(PromotedAccessList.newBuilder().setName(list).setTitle(list));
        return request.build();
    }

    static Bot bot(String name, String... roles) {
        return Bot.newBuilder().setKind("bot").setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(name))
                .setSpec(BotSpec.newBuilder().addAllRoles(List.of(roles)))
                .setStatus(BotStatus.newBuilder().setUserName("bot-" + name).setRoleName("bot-" + name))
                .build();
    }

    static BotInstance instance(String bot, String id, Instant lastHeartbeat) {
        return BotInstance.newBuilder().setKind("bot_instance").setVersion("v1")
                .setMetadata(org.teleportj1.proto.header.v1.Metadata.newBuilder().setName(id))
                .setSpec(BotInstanceSpec.newBuilder().setBotName(bot).setInstanceId(id))
                .setStatus(BotInstanceStatus.newBuilder()
                        .addLatestHeartbeats(BotInstanceStatusHeartbeat.newBuilder()
                                .setRecordedAt(time(lastHeartbeat.minusSeconds(3600))).setHostname("old"))
                        .addLatestHeartbeats(BotInstanceStatusHeartbeat.newBuilder()
                                .setRecordedAt(time(lastHeartbeat)).setHostname("runner-1").setVersion("18.2.10")
                                .setJoinMethod("github")))
                .build();
    }

    static SAMLConnectorV2 saml(String name, String attribute, String value, String... roles) {
        return SAMLConnectorV2.newBuilder().setKind("saml").setVersion("v2")
                .setMetadata(Metadata.newBuilder().setName(name))
                .setSpec(SAMLConnectorSpecV2.newBuilder().setDisplay(name)
                        .setEntityDescriptorURL("https://idp.example.com/metadata")
                        .addAttributesToRoles(AttributeMapping.newBuilder().setName(attribute).setValue(value)
                                .addAllRoles(List.of(roles))))
                .build();
    }

    static GithubConnectorV3 github(String name, String organization, String team, String... roles) {
        return GithubConnectorV3.newBuilder().setKind("github").setVersion("v3")
                .setMetadata(Metadata.newBuilder().setName(name))
                .setSpec(GithubConnectorSpecV3.newBuilder().setDisplay("GitHub")
                        .addTeamsToRoles(TeamRolesMapping.newBuilder().setOrganization(organization).setTeam(team)
                                .addAllRoles(List.of(roles))))
                .build();
    }
}

package org.teleportj1.graph;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.machineid.v1.BotInstanceStatusHeartbeat;
import org.teleportj1.proto.machineid.v1.Trait;
import org.teleportj1.proto.wrappers.StringValues;

/** Teleport bots ({@code teleport_bot}, {@code NHI}) and their running instances ({@code Workload}). */
public final class BotMapper {
    private BotMapper() {
    }

    /** The bot's user: its status names it; older bots follow Teleport's {@code bot-<name>} rule. */
    public static String userName(Bot bot) {
        String user = bot.getStatus().getUserName();
        return user.isEmpty() ? "bot-" + bot.getMetadata().getName() : user;
    }

    public static GraphFragment bot(Bot bot, MappingContext context) {
        String name = bot.getMetadata().getName();
        String key = context.keys().bot(name);
        long ttl = bot.getSpec().getMaxSessionTtl().getSeconds();
        GraphObject entity = context.entity(EntityType.BOT, key, name, name)
                .put("nhiType", "bot")
                .put("description", PropertyRules.orNull(bot.getMetadata().getDescription()))
                .put("roles", bot.getSpec().getRolesList().stream().distinct().toList())
                .put("userName", userName(bot))
                .put("roleName", PropertyRules.orNull(bot.getStatus().getRoleName()))
                .put("maxSessionTtlSeconds", ttl > 0 ? ttl : null)
                .put("webLink", context.links().bot(name));
        UserMapper.putTraits(entity, traits(bot), context.options());
        return new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_BOT, key));
    }

    /** Bot traits in the users' shape; Teleport merges traits listed twice, so do we. */
    private static Map<String, StringValues> traits(Bot bot) {
        Map<String, StringValues> traits = new LinkedHashMap<>();
        for (Trait trait : bot.getSpec().getTraitsList()) {
            traits.merge(trait.getName(), StringValues.newBuilder().addAllValues(trait.getValuesList()).build(),
                    (a, b) -> a.toBuilder().addAllValues(b.getValuesList()).build());
        }
        return traits;
    }

    public static GraphFragment instance(BotInstance instance, MappingContext context) {
        String bot = instance.getSpec().getBotName();
        String id = instance.getSpec().getInstanceId();
        String key = context.keys().botInstance(bot, id);
        Optional<BotInstanceStatusHeartbeat> latest = latestHeartbeat(instance);
        Long lastSeenOn = latest.map(h -> TeleportTime.millis(h.getRecordedAt())).orElse(null);
        Long authenticatedOn = instance.getStatus().getLatestAuthenticationsList().stream()
                .map(a -> TeleportTime.millis(a.getAuthenticatedAt()))
                .filter(Objects::nonNull).max(Long::compare)
                .orElse(TeleportTime.millis(instance.getStatus().getInitialAuthentication().getAuthenticatedAt()));
        GraphObject entity = context.entity(EntityType.BOT_INSTANCE, key, id, bot + "/" + id)
                .put("botName", bot)
                .put("instanceId", id)
                .put("lastSeenOn", lastSeenOn)
                .put("lastAuthenticatedOn", authenticatedOn)
                .put("hostname", latest.map(h -> PropertyRules.orNull(h.getHostname())).orElse(null))
                .put("version", latest.map(h -> PropertyRules.orNull(h.getVersion())).orElse(null))
                .put("os", latest.map(h -> PropertyRules.orNull(h.getOs())).orElse(null))
                .put("architecture", latest.map(h -> PropertyRules.orNull(h.getArchitecture())).orElse(null))
                .put("joinMethod", joinMethod(instance, latest))
                .put("oneShot", latest.map(BotInstanceStatusHeartbeat::getOneShot).orElse(null));
        return new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_BOT_INSTANCE, key));
    }

    /** The most recent heartbeat the auth server recorded (latest ones, else the first). */
    static Optional<BotInstanceStatusHeartbeat> latestHeartbeat(BotInstance instance) {
        Optional<BotInstanceStatusHeartbeat> latest = instance.getStatus().getLatestHeartbeatsList().stream()
                .filter(h -> TeleportTime.millis(h.getRecordedAt()) != null)
                .max(Comparator.comparing(h -> TeleportTime.millis(h.getRecordedAt())));
        if (latest.isPresent() || !instance.getStatus().hasInitialHeartbeat()) {
            return latest;
        }
        return Optional.of(instance.getStatus().getInitialHeartbeat());
    }

    private static String joinMethod(BotInstance instance, Optional<BotInstanceStatusHeartbeat> latest) {
        String fromAuthentication = instance.getStatus().getInitialAuthentication().getJoinMethod();
        if (!fromAuthentication.isEmpty()) {
            return fromAuthentication;
        }
        return latest.map(h -> PropertyRules.orNull(h.getJoinMethod())).orElse(null);
    }
}

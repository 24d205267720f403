package org.teleportj1.graph;

import java.util.ArrayList;
import java.util.List;
import org.teleportj1.proto.types.LockTarget;
import org.teleportj1.proto.types.LockV2;

/** Teleport locks as {@code teleport_lock} entities ({@code AccessPolicy}). */
public final class LockMapper {
    private LockMapper() {
    }

    /** What a lock targets; a lock may name several attributes, and then matches only all together. */
    public record Target(String kind, String name) {
    }

    public static GraphFragment lock(LockV2 lock, MappingContext context) {
        String name = lock.getMetadata().getName();
        String key = context.keys().lock(name);
        List<Target> targets = targets(lock.getSpec().getTarget());
        Long expiresOn = TeleportTime.millis(lock.getSpec().getExpires());
        GraphObject entity = context.entity(EntityType.LOCK, key, name, name)
                .put("targetKind", targets.isEmpty() ? null : targets.get(0).kind())
                .put("target", targets.isEmpty() ? null : targets.get(0).name())
                .putNonEmpty("targets", targets.stream().map(t -> t.kind() + "=" + t.name()).toList())
                .put("message", PropertyRules.orNull(lock.getSpec().getMessage()))
                .put("expiresOn", expiresOn)
                .put("inForce", inForce(lock, context.syncMillis()))
                .put("createdOn", TeleportTime.millis(lock.getSpec().getCreatedAt()))
                .put("createdBy", PropertyRules.orNull(lock.getSpec().getCreatedBy()));
        return new GraphFragment().entity(entity)
                .relationship(AccountMapper.has(context, RelationshipType.ACCOUNT_HAS_LOCK, key));
    }

    /** Not expired at sync time (a lock without an expiry is in force until deleted). */
    public static boolean inForce(LockV2 lock, long nowMillis) {
        Long expires = TeleportTime.millis(lock.getSpec().getExpires());
        return expires == null || expires > nowMillis;
    }

    /** The attributes the lock sets, in Teleport's field order. */
    public static List<Target> targets(LockTarget target) {
        List<Target> out = new ArrayList<>();
        add(out, "user", target.getUser());
        add(out, "role", target.getRole());
        add(out, "login", target.getLogin());
        add(out, "node", target.getNode());
        add(out, "mfa_device", target.getMFADevice());
        add(out, "windows_desktop", target.getWindowsDesktop());
        add(out, "access_request", target.getAccessRequest());
        add(out, "device", target.getDevice());
        add(out, "server_id", target.getServerID());
        return out;
    }

    /**
     * The user or role a lock locks out entirely: only a lock whose one attribute is the user (or
     * the role) blocks every interaction of it; with more attributes it blocks only some.
     */
    public static Target wholeIdentity(LockV2 lock) {
        List<Target> targets = targets(lock.getSpec().getTarget());
        if (targets.size() == 1 && (targets.get(0).kind().equals("user") || targets.get(0).kind().equals("role"))) {
            return targets.get(0);
        }
        return null;
    }

    private static void add(List<Target> out, String kind, String value) {
        if (!value.isEmpty()) {
            out.add(new Target(kind, value));
        }
    }
}

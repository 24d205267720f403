package org.teleportj1.sync;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.FailureReason;
import org.teleportj1.run.SyncRun;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.client.TeleportException;

/**
 * The one place that decides about the optional Teleport resources (locks, access requests, bots,
 * bot instances, SSO connectors) per {@code teleport.resources.<name>}: whether the route reads
 * one, and whether a failed read may leave it out. A resource left out sends its own
 * {@code _type}s as partial datasets ({@link PartialTypes#ofOptional}), so J1 keeps what an earlier
 * run uploaded, and the run is still a success.
 */
public class OptionalResources {
    private static final Logger LOG = LoggerFactory.getLogger(OptionalResources.class);

    private final Map<TeleportResource, ResourceMode> modes;

    public OptionalResources(Map<TeleportResource, ResourceMode> modes) {
        Map<TeleportResource, ResourceMode> all = new EnumMap<>(TeleportResource.class);
        for (TeleportResource resource : TeleportResource.values()) {
            if (resource.isOptional()) {
                all.put(resource, modes.getOrDefault(resource, ResourceMode.AUTO));
            }
        }
        this.modes = Collections.unmodifiableMap(all);
    }

    /** Every optional resource in auto mode. */
    public static OptionalResources auto() {
        return new OptionalResources(Map.of());
    }

    public ResourceMode mode(TeleportResource resource) {
        ResourceMode mode = modes.get(resource);
        if (mode == null) {
            throw new IllegalArgumentException(resource.uriName() + " is not an optional resource");
        }
        return mode;
    }

    /**
     * Route filter before an optional listing: true to read it. Off: the resource's types are kept
     * in J1 (partial datasets) and false is returned.
     */
    public boolean read(Exchange exchange, String resource) {
        TeleportResource kind = TeleportResource.fromUri(resource);
        if (mode(kind) != ResourceMode.OFF) {
            return true;
        }
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        leaveOut(run, kind, kind.setting() + " = off");
        LOG.debug("Cluster '{}': {} not read ({} = off)", run.cluster(), kind.uriName(), kind.setting());
        return false;
    }

    /**
     * Route step in the doCatch of an optional listing. In auto mode a refusal from Teleport
     * (denied, not implemented, unavailable) leaves the resource out with one warning saying what
     * to change; in on mode, and for failures of our own (mapping), the failure is rethrown.
     */
    public void failed(Exchange exchange, String resource) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TeleportResource kind = TeleportResource.fromUri(resource);
        TeleportException teleport = teleportFailure(failure);
        if (mode(kind) == ResourceMode.ON || teleport == null) {
            throw failure instanceof Exception e ? e
                    : new IllegalStateException("reading " + resource + " failed", failure);
        }
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        String why = explanation(kind, teleport);
        leaveOut(run, kind, why);
        LOG.warn("Cluster '{}': {} not read: {}. The run goes on without them; J1 keeps the {} of earlier runs.",
                run.cluster(), kind.uriName(), why, PartialTypes.ofOptional(kind));
        LOG.debug("Optional resource failure detail", failure);
        exchange.getMessage().setBody(null);
    }

    /** What the warning says: the rule to add, the release to upgrade to, or the reason. */
    public static String explanation(TeleportResource kind, TeleportException failure) {
        String setting = kind.setting();
        return switch (failure.kind()) {
            case DENIED -> "the identity may not read them: add allow.rules [{resources: [" + failure.rule()
                    + "], verbs: [list, read]}] to one of its roles (README: The Teleport role), or set " + setting
                    + " = off to stop reading them";
            case UNIMPLEMENTED -> "this Teleport release does not serve " + failure.method()
                    + " (it came with a later release); upgrade Teleport to read them (README: Teleport versions),"
                    + " or set " + setting + " = off";
            case OTHER -> FailureReason.of(failure) + " (set " + setting + " = on to fail the run instead)";
        };
    }

    private static void leaveOut(SyncRun run, TeleportResource kind, String why) {
        Set<String> types = PartialTypes.ofOptional(kind);
        run.delivery().unread(types);
        run.unreadResource(kind.uriName(), why);
    }

    private static TeleportException teleportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TeleportException e) {
                return e;
            }
        }
        return null;
    }
}

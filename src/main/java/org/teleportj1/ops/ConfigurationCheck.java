package org.teleportj1.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.sync.OptionalResources;
import org.teleportj1.sync.ResourceMode;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.client.IdentityFile;
import org.teleportj1.teleport.client.TeleportClient;
import org.teleportj1.teleport.client.TeleportException;

/**
 * The {@code check} command: validates configuration and credentials without writing anything
 * (no output files, no state, no J1 job). Per cluster: the identity parses and is valid, the
 * cluster answers Ping, the identity's roles may list each resource, the optional ones as their
 * {@code teleport.resources.<name>} setting says, who leads its sync; once: J1 accepts the API key.
 * Each failing item says what to fix.
 */
public class ConfigurationCheck {

    /** One checked item. */
    public record Item(String scope, String name, boolean ok, String detail) {
    }

    private final ClusterIdentities identities;
    private final JupiterOneProbe jupiterOne;
    private final OptionalResources optional;
    private final LeadershipProbe leadership;
    private final Clock clock;

    /** {@code jupiterOne} null: dry run, J1 is not checked. */
    public ConfigurationCheck(ClusterIdentities identities, JupiterOneProbe jupiterOne, OptionalResources optional,
                              LeadershipProbe leadership, Clock clock) {
        this.identities = identities;
        this.jupiterOne = jupiterOne;
        this.optional = optional;
        this.leadership = leadership;
        this.clock = clock;
    }

    public List<Item> run(List<ClusterRoute> clusters) {
        List<Item> items = new ArrayList<>();
        for (ClusterRoute cluster : clusters) {
            items.addAll(cluster(cluster));
        }
        items.add(jupiterOne());
        return items;
    }

    List<Item> cluster(ClusterRoute cluster) {
        String scope = "cluster '" + cluster.cluster() + "' (" + cluster.describe() + ")";
        List<Item> items = teleport(scope, cluster);
        LeadershipProbe.Answer leader = leadership.probe(cluster.cluster());
        items.add(new Item(scope, "leadership", leader.ok(), leader.detail()));
        return items;
    }

    private List<Item> teleport(String scope, ClusterRoute cluster) {
        List<Item> items = new ArrayList<>();
        IdentityFile identity;
        try {
            identity = identities.require(cluster);
            Instant now = clock.instant();
            identity.requireValidAt(now);
            Duration left = Duration.between(now, identity.notAfter());
            items.add(new Item(scope, "identity", true, "user '" + identity.user() + "' of cluster '"
                    + identity.clusterName() + "', valid until " + identity.notAfter() + " (" + hours(left) + " left)"));
        } catch (RuntimeException e) {
            items.add(new Item(scope, "identity", false, e.getMessage()));
            items.add(new Item(scope, "ping", false, "skipped: the identity is not usable"));
            return items;
        }
        TeleportClient client;
        try {
            client = identities.connection(cluster).client();
            PingResponse ping = client.ping();
            items.add(new Item(scope, "ping", true, "cluster '" + ping.getClusterName() + "', Teleport "
                    + ping.getServerVersion()));
        } catch (RuntimeException e) {
            items.add(new Item(scope, "ping", false, e.getMessage()));
            return items;
        }
        items.add(listing(scope, "list roles", client::roles));
        items.add(listing(scope, "list users", client::users));
        items.add(listing(scope, "list access lists", client::accessLists));
        items.add(listing(scope, "list access list members", client::accessListMembers));
        items.add(listing(scope, "list access list reviews", client::accessListReviews));
        items.add(optionalListing(scope, TeleportResource.LOCKS, "list locks", client::locks));
        items.add(optionalListing(scope, TeleportResource.ACCESS_REQUESTS, "list access requests", client::accessRequests));
        items.add(optionalListing(scope, TeleportResource.BOTS, "list bots", client::bots));
        items.add(optionalListing(scope, TeleportResource.BOT_INSTANCES, "list bot instances", client::botInstances));
        items.add(optionalListing(scope, TeleportResource.SSO_CONNECTORS, "list SSO connectors",
                client::ssoConnectors));
        List<String> workarounds = client.workarounds();
        items.add(new Item(scope, "server quirks", true, workarounds.isEmpty() ? "none met"
                : workarounds.size() + " worked around: " + String.join(" | ", workarounds)));
        return items;
    }

    /**
     * Reads the listing to its end, a page at a time: proves the rules and meets the server's paging
     * bugs the way a sync would, so they can be reported.
     */
    private static Item listing(String scope, String name, Supplier<? extends Iterator<? extends List<?>>> listing) {
        try {
            return new Item(scope, name, true, readAll(listing));
        } catch (RuntimeException e) {
            return new Item(scope, name, false, e.getMessage());
        }
    }

    /** "n in m pages". */
    private static String readAll(Supplier<? extends Iterator<? extends List<?>>> listing) {
        Iterator<? extends List<?>> pages = listing.get();
        long objects = 0;
        int count = 0;
        while (pages.hasNext()) {
            objects += pages.next().size();
            count++;
        }
        return objects + " in " + count + (count == 1 ? " page" : " pages");
    }

    /**
     * An optional resource as the sync would treat it: off is not read; in auto mode a refusal is
     * reported with what to change but passes, since the sync goes on without the resource.
     */
    private Item optionalListing(String scope, TeleportResource resource, String name,
                                 Supplier<? extends Iterator<? extends List<?>>> listing) {
        ResourceMode mode = optional.mode(resource);
        if (mode == ResourceMode.OFF) {
            return new Item(scope, name, true, "not read (" + resource.setting() + " = off)");
        }
        try {
            return new Item(scope, name, true, readAll(listing));
        } catch (TeleportException e) {
            if (mode == ResourceMode.ON) {
                return new Item(scope, name, false, e.getMessage());
            }
            return new Item(scope, name, true, "not read, the sync goes on without it (" + resource.setting()
                    + " = auto): " + OptionalResources.explanation(resource, e));
        } catch (RuntimeException e) {
            return new Item(scope, name, false, e.getMessage());
        }
    }

    private Item jupiterOne() {
        if (jupiterOne == null) {
            return new Item("JupiterOne", "api key", true, "not configured: runs are dry runs (set J1_API_KEY and"
                    + " J1_ACCOUNT_ID to deliver)");
        }
        JupiterOneProbe.Answer answer = jupiterOne.probe();
        return new Item("JupiterOne", "api key", answer.ok(), answer.message());
    }

    private static String hours(Duration left) {
        return left.toHours() + " h " + left.toMinutesPart() + " min";
    }

    /** The items as the command prints them, grouped by scope, with a closing count. */
    public static String format(List<Item> items) {
        StringBuilder out = new StringBuilder();
        String scope = null;
        for (Item item : items) {
            if (!item.scope().equals(scope)) {
                scope = item.scope();
                out.append(scope).append(System.lineSeparator());
            }
            out.append(String.format("  %-5s %-26s %s%n", item.ok() ? "ok" : "FAIL", item.name(), item.detail()));
        }
        long failed = items.stream().filter(item -> !item.ok()).count();
        out.append(failed == 0 ? "All " + items.size() + " checks passed."
                : failed + " of " + items.size() + " checks failed.");
        return out.toString();
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.run.RunResult;
import org.teleportj1.run.SyncRun;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxData;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.TeleportResources;
import org.teleportj1.state.StateDirectory;

/**
 * SSO users exist in Teleport only while logged in. One seen in a run but not listed in the next
 * stays in the graph, inactive, with when it was last seen, until sync.remember-users-days pass; a
 * local user that is gone was deleted and is not kept. Three whole program runs (the real entry
 * point, one Camel context each, over mTLS to a sandbox), the third with a retention of 0 days.
 */
class RememberedUsersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = TestDirectories.create("remembered-users");
    private static final SandboxCluster CLUSTER = SandboxCluster.start(SandboxOptions.defaults(WORK.resolve("sandbox")));
    private static final Path ROUTES = ClusterFiles.write(WORK.resolve("routes"), Map.of("lab", CLUSTER)).getParent();
    private static final Path OUTPUT = WORK.resolve("output");
    private static final Path STATE = WORK.resolve("state");
    private static final Set<String> SSO = Set.of("saml", "oidc", "github");
    private static final String SSO_LEAVER = "sso-leaver@example.com";
    private static final String LOCAL_LEAVER = "local-leaver@example.com";

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void anSsoUserGoneFromTheListingIsKeptInactiveUntilTheRetentionPassesALocalOneIsNot() throws Exception {
        Map<String, String> days30 = Map.of(); // the shipped default: 30 days

        // every SSO user of the seed is named by an access list (a name that would come back as an
        // inactive stub whatever the retention says): one that logged in and nothing else, and a local one
        SandboxData data = CLUSTER.data();
        UserV2.Builder leaver = TeleportResources.user(SSO_LEAVER, List.of("access"));
        leaver.getSpecBuilder().addSAMLIdentities(ExternalIdentity.newBuilder().setConnectorID("okta")
                .setUsername(SSO_LEAVER));
        data.putUser(leaver.build());
        data.putUser(TeleportResources.user(LOCAL_LEAVER, List.of("access")).build());

        // run 1: everybody listed
        Instant beforeFirst = Instant.now();
        sync(days30);
        Instant afterFirst = Instant.now();
        Map<String, JsonNode> first = users();
        String sso = SSO_LEAVER;
        String local = LOCAL_LEAVER;
        assertEquals("saml", first.get(sso).path("authType").asText());
        assertEquals("local", first.get(local).path("authType").asText());
        assertTrue(first.get(sso).path("seenInUserList").asBoolean() && first.get(local).path("seenInUserList").asBoolean());
        assertUnreferenced(sso);
        assertUnreferenced(local);
        Instant firstSeen = remembered().get(sso);
        assertNotNull(firstSeen, "the SSO user " + sso + " is remembered after run 1: " + remembered());
        assertFalse(firstSeen.isBefore(beforeFirst) || firstSeen.isAfter(afterFirst),
                "remembered at run 1's sync time: " + firstSeen);
        assertFalse(remembered().containsKey(local), "local users are never remembered");
        String stillListed = first.values().stream()
                .filter(u -> SSO.contains(u.path("authType").asText()) && !u.path("name").asText().equals(sso))
                .map(u -> u.path("name").asText()).findFirst().orElseThrow();


        // run 2: both removed from Teleport's user listing
        assertTrue(data.removeUser(sso));
        assertTrue(data.removeUser(local));
        Instant beforeSecond = Instant.now();
        sync(days30);
        Map<String, JsonNode> second = users();

        JsonNode kept = second.get(sso);
        assertNotNull(kept, "the SSO user is still in entities.ndjson");
        assertFalse(kept.path("active").asBoolean(true), kept.toString());
        assertFalse(kept.path("seenInUserList").asBoolean(true), kept.toString());
        assertTrue(kept.path("lastSeenOn").isIntegralNumber(), kept.toString());
        assertEquals(firstSeen.toEpochMilli(), kept.path("lastSeenOn").asLong(), "lastSeenOn: run 1's sync time");
        assertTrue(kept.path("lastSeenOn").asLong() < beforeSecond.toEpochMilli(), "not run 2's time");
        assertTrue(accountHasUser(kept.path("_key").asText()), "still linked to the account");
        assertNull(second.get(local), "the local user was deleted: not kept");
        assertEquals(firstSeen, remembered().get(sso), "still remembered as last seen in run 1");
        assertFalse(remembered().containsKey(local));
        assertTrue(remembered().get(stillListed).isAfter(firstSeen), "a listed SSO user is seen again in run 2");
        assertTrue(second.get(stillListed).path("seenInUserList").asBoolean(), "a listed user stays listed");

        // run 3: the retention window has passed (0 days: an absent user is not kept at all)
        sync(Map.of("sync.remember-users-days", "0"));
        Map<String, JsonNode> third = users();
        assertNull(third.get(sso), "past the retention: gone from entities.ndjson");
        assertFalse(accountHasUser(kept.path("_key").asText()), "and its account relationship too");
        assertNull(third.get(local));
        assertFalse(remembered().containsKey(sso), "and forgotten: " + remembered().keySet());
        assertTrue(third.containsKey(stillListed), "the listed users are all still there");
        assertEquals(second.size() - 1, third.size(), "exactly one user less than run 2");
    }

    /** Runs the program's sync command once with these settings (a --config file) and the cluster file. */
    private static void sync(Map<String, String> settings) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("sync.output-dir", OUTPUT.toString());
        all.put("sync.state-dir", STATE.toString());
        StringBuilder properties = new StringBuilder();
        all.forEach((key, value) -> properties.append(key).append(" = ").append(value).append('\n'));
        Path config = Files.writeString(WORK.resolve("settings.properties"), properties);

        AtomicReference<List<SyncRun>> runs = new AtomicReference<>();
        int exit = Bootstrap.once(new AppOptions(config, ROUTES, false), context -> {
            runs.set(OneShotSync.runAll(context, Set.of("lab")));
            return OneShotSync.exitCode(runs.get());
        });
        assertNotNull(runs.get(), "the program ran the sync");
        SyncRun run = runs.get().get(0);
        assertEquals(RunResult.SUCCEEDED, run.result(), run.failure());
        assertEquals(TeleportJupiterOne.OK, exit);
    }

    /** teleport_user entities of the last dry run by name. */
    private static Map<String, JsonNode> users() throws IOException {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        for (String line : Files.readAllLines(OUTPUT.resolve("lab").resolve("entities.ndjson"))) {
            JsonNode entity = JSON.readTree(line);
            if (entity.path("_type").asText().equals("teleport_user")) {
                assertNull(users.put(entity.path("name").asText(), entity), "one entity per user");
            }
        }
        assertFalse(users.isEmpty());
        return users;
    }

    private static boolean accountHasUser(String userKey) throws IOException {
        for (String line : Files.readAllLines(OUTPUT.resolve("lab").resolve("relationships.ndjson"))) {
            JsonNode relationship = JSON.readTree(line);
            if (relationship.path("_type").asText().equals("teleport_account_has_user")
                    && relationship.path("_toEntityKey").asText().equals(userKey)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Instant> remembered() {
        return new StateDirectory(STATE).cluster("lab").rememberedUsers();
    }

    /** No access list names the user as member, owner or reviewer (it would come back as a stub). */
    private static void assertUnreferenced(String name) {
        SandboxData data = CLUSTER.data();
        Set<String> referenced = new HashSet<>();
        data.allMembers().forEach(member -> referenced.add(member.getSpec().getName()));
        data.accessLists().forEach(list -> list.getSpec().getOwnersList().forEach(o -> referenced.add(o.getName())));
        data.allReviews().forEach(review -> referenced.addAll(review.getSpec().getReviewersList()));
        assertFalse(referenced.contains(name), name + " is named by an access list");
    }
}

package org.teleportj1.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.jupiterone.J1Settings;
import org.teleportj1.jupiterone.J1StandIn;
import org.teleportj1.sync.OptionalResources;
import org.teleportj1.sandbox.IdentityRequest;
import org.teleportj1.sandbox.KeyEncoding;
import org.teleportj1.sandbox.KeyType;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.sandbox.TeleportVersion;
import org.teleportj1.teleport.TeleportConfiguration;

/** {@code check} passes against the sandbox and names each failing item of a broken setup. */
class ConfigurationCheckTest {
    private static final String GOOD_KEY = "j1-key-for-test-only";
    @TempDir
    static Path dir;
    private static SandboxCluster sandbox;
    private static SandboxCluster restricted;
    private static J1StandIn j1;
    private static CamelContext context;

    @BeforeAll
    static void start() {
        sandbox = SandboxCluster.start(SandboxOptions.defaults(dir.resolve("sandbox")));
        restricted = SandboxCluster.start(SandboxOptions.defaults(dir.resolve("restricted"))
                .withBehaviour(SandboxBehaviour.normal().withPermissionDenied("access_list")));
        j1 = new J1StandIn();
        j1.requireApiKey(GOOD_KEY);
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterAll
    static void stop() {
        context.stop();
        j1.close();
        sandbox.close();
        restricted.close();
    }

    @Test
    void reportsTheServerBugsItWorkedAround() {
        try (SandboxCluster v18 = SandboxCluster.start(SandboxOptions.defaults(dir.resolve("v18")).withUsers(300)
                .withTeleportVersion(TeleportVersion.parse("18.0")))) {
            List<ConfigurationCheck.Item> items = check(GOOD_KEY, cluster("old", v18.address(), v18.identityFile()));

            assertTrue(items.stream().allMatch(ConfigurationCheck.Item::ok), ConfigurationCheck.format(items));
            assertTrue(item(items, "ping").detail().contains("18.0.0"), item(items, "ping").detail());
            String quirks = item(items, "server quirks").detail();
            assertTrue(quirks.contains("ListAllAccessListMembers does not page"), quirks);
            assertTrue(quirks.contains("18.2.3"), quirks);
        }
    }

    @Test
    void passesAgainstTheSandboxWithAnAcceptedKey() {
        List<ConfigurationCheck.Item> items = check(GOOD_KEY, cluster("lab", sandbox.address(), sandbox.identityFile()));

        assertTrue(items.stream().allMatch(ConfigurationCheck.Item::ok), ConfigurationCheck.format(items));
        assertEquals(List.of("identity", "ping", "list roles", "list users", "list access lists",
                "list access list members", "list access list reviews", "list locks", "list access requests",
                "list bots", "list bot instances", "list SSO connectors", "server quirks", "leadership", "api key"),
                items.stream().map(ConfigurationCheck.Item::name).toList());
        assertTrue(item(items, "ping").detail().contains(SandboxOptions.DEFAULT_CLUSTER_NAME));
        assertTrue(item(items, "list users").detail().matches("\\d+ in \\d+ pages?"), item(items, "list users").detail());
        assertEquals("none met", item(items, "server quirks").detail());
        assertEquals("no cluster service (single instance): every 'run' process syncs this cluster",
                item(items, "leadership").detail());
        assertTrue(ConfigurationCheck.format(items).endsWith("All 15 checks passed."));
        List<J1StandIn.Request> probes = j1.requests();
        assertTrue(probes.stream().allMatch(r -> r.method().equals("GET")), "the J1 check only reads");
    }

    @Test
    void namesAnExpiredIdentity() {
        Path expired = sandbox.writeIdentity(dir.resolve("expired-identity"),
                IdentityRequest.reader(KeyType.ECDSA_P256, KeyEncoding.PKCS8, Duration.ofHours(1))
                        .withValidity(Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1)));

        List<ConfigurationCheck.Item> items = check(GOOD_KEY, cluster("lab", sandbox.address(), expired));

        ConfigurationCheck.Item identity = item(items, "identity");
        assertFalse(identity.ok());
        assertTrue(identity.detail().contains("expired"), identity.detail());
        assertTrue(identity.detail().contains("tctl auth sign"), identity.detail());
        assertFalse(item(items, "ping").ok());
        assertTrue(item(items, "api key").ok(), "J1 is checked independently");
    }

    @Test
    void namesTheMissingPermission() {
        List<ConfigurationCheck.Item> items = check(GOOD_KEY,
                cluster("restricted", restricted.address(), restricted.identityFile()));

        assertTrue(item(items, "ping").ok());
        assertTrue(item(items, "list users").ok());
        assertTrue(item(items, "list roles").ok());
        ConfigurationCheck.Item lists = item(items, "list access lists");
        assertFalse(lists.ok());
        assertTrue(lists.detail().contains("access_list") && lists.detail().contains("verbs: [list, read]"),
                lists.detail());
        assertFalse(item(items, "list access list members").ok());
        assertTrue(ConfigurationCheck.format(items).contains("FAIL  list access lists"));
    }

    @Test
    void anOptionalResourceTheRoleMayNotReadPassesWithTheRuleToAdd() {
        sandbox.behaviour(SandboxBehaviour.normal().withPermissionDenied("bot"));
        try {
            List<ConfigurationCheck.Item> items = check(GOOD_KEY, cluster("lab", sandbox.address(),
                    sandbox.identityFile()));

            ConfigurationCheck.Item bots = item(items, "list bots");
            assertTrue(bots.ok(), "auto mode: the sync goes on without bots");
            assertTrue(bots.detail().contains("[{resources: [bot], verbs: [list, read]}]"), bots.detail());
            assertTrue(item(items, "list locks").detail().matches("\\d+ in \\d+ pages?"));
        } finally {
            sandbox.behaviour(SandboxBehaviour.normal());
        }
    }

    @Test
    void namesAWrongAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<ConfigurationCheck.Item> items = check(GOOD_KEY,
                cluster("lab", "127.0.0.1:" + closedPort, sandbox.identityFile()));

        assertTrue(item(items, "identity").ok());
        ConfigurationCheck.Item ping = item(items, "ping");
        assertFalse(ping.ok());
        assertTrue(ping.detail().contains("Cannot reach Teleport at 127.0.0.1:" + closedPort), ping.detail());
    }

    @Test
    void namesABadJupiterOneKeyWithoutShowingIt() {
        List<ConfigurationCheck.Item> items = check("wrong-key-value",
                cluster("lab", sandbox.address(), sandbox.identityFile()));

        ConfigurationCheck.Item key = item(items, "api key");
        assertFalse(key.ok());
        assertTrue(key.detail().contains("rejected the API key") && key.detail().contains("J1_API_KEY"), key.detail());
        assertFalse(ConfigurationCheck.format(items).contains("wrong-key-value"), "the key is never printed");
        assertTrue(item(items, "list users").ok());
    }

    @Test
    void aMissingIdentityFileIsNamed() {
        Path missing = dir.resolve("no-such-identity");
        List<ConfigurationCheck.Item> items = check(GOOD_KEY, cluster("lab", sandbox.address(), missing));

        assertFalse(item(items, "identity").ok());
        assertTrue(item(items, "identity").detail().contains(missing.toString()), item(items, "identity").detail());
        assertTrue(Files.notExists(missing), "check writes nothing");
    }

    private static List<ConfigurationCheck.Item> check(String apiKey, ClusterRoute cluster) {
        JupiterOneProbe probe = new JupiterOneProbe(new J1Settings(j1.baseUrl(), apiKey, "account-1", "teleport-lab",
                null), Duration.ofSeconds(10));
        return new ConfigurationCheck(new ClusterIdentities(context), probe, OptionalResources.auto(),
                LeadershipProbe.SINGLE_INSTANCE,
                Clock.systemUTC()).run(List.of(cluster));
    }

    static ClusterRoute cluster(String name, String address, Path identity) {
        TeleportConfiguration teleport = new TeleportConfiguration();
        teleport.setAddress(address);
        teleport.setIdentityFile(identity.toString());
        teleport.setMode("direct");
        teleport.setCallTimeoutSeconds(10);
        return new ClusterRoute("sync-" + name, name, teleport, "teleport-" + name);
    }

    private static ConfigurationCheck.Item item(List<ConfigurationCheck.Item> items, String name) {
        return items.stream().filter(item -> item.name().equals(name)).findFirst().orElseThrow();
    }
}

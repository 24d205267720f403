package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.graph.ClusterInfo;
import org.teleportj1.graph.GraphBuilder;
import org.teleportj1.graph.GraphSink;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.teleport.TeleportConfiguration;

/**
 * Auto mode in front of every kind of proxy and load balancer the connection upgrade meets
 * (docs/teleport-api.md §4.3): each sync must equal the cluster's data, as the direct sync does.
 */
class ConnectionUpgradePathsTest {
    private static final String CLUSTER = "upgrade.example.com";
    private static final Instant SYNC_TIME = Instant.parse("2026-12-01T00:00:00Z");
    private static TestPki pki;

    @TempDir
    Path dir;
    private FakeTeleport data;
    private TestAuthServer auth;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void cluster() {
        pki = TestPki.create(CLUSTER);
    }

    @BeforeEach
    void startAuth() {
        data = FakeTeleport.seeded(CLUSTER, 300, 10, 3, 4);
        auth = TestAuthServer.start(pki, data);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        auth.close();
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private UpgradeTestProxy proxy(TestConnectionUpgrade.Generation generation, UpgradeTestProxy.Balancer balancer)
            throws Exception {
        return closeLater(new UpgradeTestProxy(CLUSTER, auth.socketAddress(), generation, balancer));
    }

    private GrpcTeleportClient connect(String address, TestWebApi web, Map<String, String> environment)
            throws Exception {
        return connect(address, web, environment, ConnectMode.AUTO);
    }

    private GrpcTeleportClient connect(String address, TestWebApi web, Map<String, String> environment,
                                       ConnectMode mode) throws Exception {
        TeleportSettings settings = new TeleportConfiguration()
                .toSettings(address, pki.writeIdentity(dir.resolve("identity"))).withMode(mode)
                .withCallTimeout(Duration.ofSeconds(10)).withRetry(2, Duration.ofMillis(10));
        if (web != null) {
            settings = settings.withProxyCaFile(web.writeCaFile(dir.resolve("proxy-ca.pem")));
        }
        return (GrpcTeleportClient) closeLater(new TeleportConnection(settings, Clock.systemUTC(), environment::get))
                .client();
    }

    private GrpcTeleportClient connect(UpgradeTestProxy proxy) throws Exception {
        return connect(proxy.address(), proxy.web, Map.of());
    }

    /** The sync's graph through {@code client} equals the graph of a direct sync, object for object. */
    private void assertFullSync(TeleportClient client) throws Exception {
        assertEquals(CLUSTER, client.ping().getClusterName());
        assertEquals(data.users.stream().map(u -> u.getMetadata().getName()).toList(),
                Pages.drain(client.users()).stream().map((UserV2 u) -> u.getMetadata().getName()).toList());
        GrpcTeleportClient direct = connect(auth.address(), null, Map.of(), ConnectMode.DIRECT);
        assertEquals(ConnectMode.DIRECT, direct.mode());
        List<String> expected = graph(direct);
        assertTrue(expected.size() > data.users.size(), "the direct graph has users, roles, lists and more");
        assertEquals(expected, graph(client));
    }

    /** What a sync maps from the client's listings: every object, serialized, in a stable order. */
    private static List<String> graph(TeleportClient client) {
        ObjectMapper json = new ObjectMapper();
        List<String> objects = new ArrayList<>();
        GraphSink sink = new GraphSink() {
            @Override
            public void entity(Map<String, Object> entity) {
                add(entity);
            }

            @Override
            public void relationship(Map<String, Object> relationship) {
                add(relationship);
            }

            private void add(Map<String, Object> object) {
                try {
                    objects.add(json.writeValueAsString(new TreeMap<>(object)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        PingResponse ping = client.ping();
        GraphBuilder graph = new GraphBuilder(new ClusterInfo(ping.getClusterName(), ping.getServerVersion(),
                ping.getProxyPublicAddr(), null, SYNC_TIME), sink);
        graph.account();
        client.roles().forEachRemaining(graph::roles);
        client.users().forEachRemaining(graph::users);
        client.accessLists().forEachRemaining(graph::accessLists);
        client.accessListMembers().forEachRemaining(graph::members);
        client.accessListReviews().forEachRemaining(graph::reviews);
        graph.complete();
        objects.sort(null);
        return objects;
    }

    @Test
    void legacyOnlyProxyRefusesAWebSocketOnlyUpgrade() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.LEGACY_ONLY,
                UpgradeTestProxy.Balancer.REFUSES_ALPN);
        TeleportAddress address = TeleportAddress.parse(proxy.address(), 443);
        SSLContext trust = WebTrust.sslContext(proxy.web.writeCaFile(dir.resolve("ca.pem")));
        try (SSLSocket tls = ProxyTls.connect(address, trust, List.of("http/1.1"), Duration.ofSeconds(5))) {
            tls.getOutputStream().write(("GET " + ConnectionUpgrade.PATH + " HTTP/1.1\r\nHost: " + address
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: alpn-ping\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + WebSocketFrames.newKey() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = new BufferedInputStream(tls.getInputStream());
            assertEquals(404, Http11.readHead(in).status());
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("unsupported upgrade types"));
        }
    }

    @Test
    void autoSyncsThroughAProxyOlderThan15_1WithPings() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.LEGACY_ONLY,
                UpgradeTestProxy.Balancer.REFUSES_ALPN);
        GrpcTeleportClient client = connect(proxy);

        assertEquals(ConnectMode.PROXY_UPGRADE, client.mode());
        assertFullSync(client);
        assertTrue(proxy.upgrade.forms.stream().allMatch("alpn-ping"::equals), proxy.upgrade.forms.toString());
        assertTrue(proxy.upgrade.pingsSent.get() >= 2, "pings before and between packets were skipped");
        assertEquals(0, proxy.upgrade.badPackets.get(), "every write was length-prefixed");
    }

    @Test
    void autoSyncsBehindABalancerThatStripsUpgrade() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.CURRENT,
                UpgradeTestProxy.Balancer.STRIPS_UPGRADE);
        GrpcTeleportClient client = connect(proxy);

        assertEquals(ConnectMode.PROXY_UPGRADE, client.mode());
        assertFullSync(client);
        Http11.Head seen = proxy.upgrade.heads.stream()
                .filter(h -> h.firstLine().contains(ConnectionUpgrade.PATH)).findFirst().orElseThrow();
        assertNull(seen.header("upgrade"), "the balancer dropped Upgrade");
        assertEquals(List.of("alpn-ping"), seen.values("x-teleport-upgrade"));
        assertTrue(proxy.upgrade.forms.stream().allMatch("alpn-ping"::equals), proxy.upgrade.forms.toString());
        assertEquals(0, proxy.upgrade.badPackets.get());
    }

    @Test
    void autoSyncsBehindABalancerThatAnswersAnUnadvertisedAlpnProtocol() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.CURRENT,
                UpgradeTestProxy.Balancer.UNADVERTISED_ALPN);
        GrpcTeleportClient client = connect(proxy);

        assertTrue(proxy.refusedHandshakes.get() >= 1, "the probe met the unadvertised http/1.1");
        assertEquals(ConnectMode.PROXY_UPGRADE, client.mode());
        assertFullSync(client);
        assertTrue(proxy.upgrade.forms.stream().allMatch("websocket"::equals), proxy.upgrade.forms.toString());
    }

    @Test
    void autoSyncsThroughAWebSocketOnlyProxy() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.WEBSOCKET_ONLY,
                UpgradeTestProxy.Balancer.REFUSES_ALPN);
        GrpcTeleportClient client = connect(proxy);

        assertFullSync(client);
        assertTrue(proxy.upgrade.forms.stream().allMatch("websocket"::equals), proxy.upgrade.forms.toString());
        assertEquals(0, proxy.upgrade.unmaskedFrames.get());
    }

    @Test
    void connUpgradeFalseKeepsAutoFromUpgrading() throws Exception {
        UpgradeTestProxy proxy = proxy(TestConnectionUpgrade.Generation.CURRENT,
                UpgradeTestProxy.Balancer.REFUSES_ALPN);
        GrpcTeleportClient client = connect(proxy.address(), proxy.web,
                Map.of(ConnUpgradeOverride.VARIABLE, "false"));

        assertEquals(ConnectMode.PROXY, client.mode());
        assertEquals(0, proxy.refusedHandshakes.get(), "no ALPN probe was made");
    }

    @Test
    void connUpgradeTrueMakesAutoUpgradeWhereTheProbeWouldNot() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy(CLUSTER, auth.socketAddress()));
        String address = proxy.address();
        GrpcTeleportClient client = connect(address, proxy.web,
                Map.of(ConnUpgradeOverride.VARIABLE, "other.example.com:443=false;" + address + "=true"));

        assertEquals(ConnectMode.PROXY_UPGRADE, client.mode());
        assertFullSync(client);
        assertFalse(proxy.upgrade.forms.isEmpty(), "the channel went through the upgrade");
        assertEquals(0, proxy.routed.get(), "not through plain TLS routing");
    }
}

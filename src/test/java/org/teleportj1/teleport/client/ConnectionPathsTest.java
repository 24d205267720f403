package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.sandbox.IssuedCertificate;
import org.teleportj1.sandbox.KeyEncoding;
import org.teleportj1.sandbox.KeyType;
import org.teleportj1.teleport.TeleportConfiguration;

/** Every connection path against real loopback servers with mutual TLS, and the errors of each. */
class ConnectionPathsTest {
    private static final String CLUSTER = "paths.example.com";
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
        data = FakeTeleport.seeded(CLUSTER, 1500, 20, 3, 4);
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

    private TeleportSettings settings(String address, ConnectMode mode, Path proxyCa) {
        return new TeleportConfiguration().toSettings(address, pki.writeIdentity(dir.resolve("identity"))).withMode(mode)
                .withProxyCaFile(proxyCa).withCallTimeout(Duration.ofSeconds(10)).withRetry(2, Duration.ofMillis(10));
    }

    private GrpcTeleportClient connect(TeleportSettings settings) {
        return (GrpcTeleportClient) closeLater(new TeleportConnection(settings)).client();
    }

    private void assertFullSync(TeleportClient client) {
        assertEquals(CLUSTER, client.ping().getClusterName());
        assertEquals(data.users.stream().map(u -> u.getMetadata().getName()).toList(),
                Pages.drain(client.users()).stream().map((UserV2 u) -> u.getMetadata().getName()).toList());
        assertEquals(data.roles, Pages.drain(client.roles()));
        assertEquals(data.allMembers(), Pages.drain(client.accessListMembers()));
    }

    @Test
    void directModeSyncs() {
        GrpcTeleportClient client = connect(settings(auth.address(), ConnectMode.DIRECT, null));
        assertFullSync(client);
        assertEquals(ConnectMode.DIRECT, client.mode());
    }

    @Test
    void proxyModeSyncsThroughAlpnRouting() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy(CLUSTER, auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.PROXY, null));

        assertFullSync(client);
        assertTrue(proxy.routed.get() >= 1, "the channel went through the proxy's ALPN router");
        assertEquals(0, proxy.dropped.get());
    }

    @Test
    void autoPicksProxyModeForTlsRouting() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy(CLUSTER, auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.AUTO,
                proxy.web.writeCaFile(dir.resolve("proxy-ca.pem"))));

        assertEquals(ConnectMode.PROXY, client.mode());
        assertFullSync(client);
    }

    @Test
    void proxyUpgradeModeSyncsThroughTheWebSocketTunnel() throws Exception {
        UpgradeTestProxy proxy = closeLater(new UpgradeTestProxy(CLUSTER, auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.PROXY_UPGRADE,
                proxy.web.writeCaFile(dir.resolve("proxy-ca.pem"))));

        assertFullSync(client);
        assertFalse(proxy.upgrade.forms.isEmpty());
        assertTrue(proxy.upgrade.forms.stream().allMatch("websocket"::equals), "a current proxy prefers WebSocket");
        assertTrue(proxy.upgrade.pongs.get() >= 1, "the proxy's ping was answered");
        assertEquals(0, proxy.upgrade.unmaskedFrames.get());
    }

    @Test
    void autoPicksUpgradeBehindAnL7LoadBalancer() throws Exception {
        UpgradeTestProxy proxy = closeLater(new UpgradeTestProxy(CLUSTER, auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.AUTO,
                proxy.web.writeCaFile(dir.resolve("proxy-ca.pem"))));

        assertEquals(ConnectMode.PROXY_UPGRADE, client.mode());
        assertFullSync(client);
    }

    @Test
    void openResolvesTheModeAndBuildsTheChannelBeforeTheFirstCall() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy(CLUSTER, auth.socketAddress()));
        TeleportConnection connection = closeLater(new TeleportConnection(settings(proxy.address(), ConnectMode.AUTO,
                proxy.web.writeCaFile(dir.resolve("proxy-ca.pem")))));

        connection.open();
        assertEquals(1, proxy.web.pings.get(), "auto mode asked the proxy while opening");
        assertEquals(0, proxy.routed.get(), "no call was made yet");

        assertEquals(CLUSTER, connection.client().ping().getClusterName());
        assertEquals(1, proxy.web.pings.get(), "the call used the channel built by open()");
    }

    @Test
    void openBeforeTheIdentityFileExistsLeavesItToTheFirstCall() {
        Path file = dir.resolve("written-later");
        TeleportConnection connection = closeLater(new TeleportConnection(
                new TeleportConfiguration().toSettings(auth.address(), file).withMode(ConnectMode.DIRECT)));

        connection.open();
        String message = assertThrows(TeleportException.class, connection::client).getMessage();
        assertTrue(message.contains("does not exist"), message);

        pki.writeIdentity(file);
        assertEquals(CLUSTER, connection.client().ping().getClusterName());
    }

    @Test
    void autoRefusesAProxyWithoutTlsRouting() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy(CLUSTER, auth.socketAddress(), false));
        TeleportConnection connection = closeLater(new TeleportConnection(settings(proxy.address(), ConnectMode.AUTO,
                proxy.web.writeCaFile(dir.resolve("proxy-ca.pem")))));

        String message = assertThrows(TeleportException.class, connection::client).getMessage();
        assertTrue(message.contains("TLS routing disabled") && message.contains("'direct'"), message);
    }

    @Test
    void autoTreatsAnAddressWithoutWebApiAsTheAuthService() {
        GrpcTeleportClient client = connect(settings(auth.address(), ConnectMode.AUTO, null));

        assertEquals(ConnectMode.DIRECT, client.mode());
        assertEquals(CLUSTER, client.ping().getClusterName());
    }

    @Test
    void upgradeWithoutTrustInTheProxyCertificateSaysSo() throws Exception {
        UpgradeTestProxy proxy = closeLater(new UpgradeTestProxy(CLUSTER, auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.PROXY_UPGRADE, null));

        String message = assertThrows(TeleportException.class, client::ping).getMessage();
        assertTrue(message.contains("/webapi/connectionupgrade failed") && message.contains("proxy CA file"), message);
    }

    @Test
    void wrongClusterNameIsDroppedByTheProxyWithAHint() throws Exception {
        AlpnRoutingTestProxy proxy = closeLater(new AlpnRoutingTestProxy("other.example.com", auth.socketAddress()));
        GrpcTeleportClient client = connect(settings(proxy.address(), ConnectMode.PROXY, null));

        String message = assertThrows(TeleportException.class, client::ping).getMessage();
        assertTrue(proxy.dropped.get() >= 1);
        assertTrue(message.contains("closed the connection") && message.contains("'" + CLUSTER + "'"), message);
        assertTrue(message.contains("TLS routing") && message.contains("proxy-upgrade"), message);
    }

    @Test
    void serverOfAnotherClusterIsNotTrusted() throws Exception {
        TestPki stranger = TestPki.create("stranger.example.com");
        try (TestAuthServer impostor = TestAuthServer.start(stranger.server, pki, data)) {
            GrpcTeleportClient client = connect(settings(impostor.address(), ConnectMode.DIRECT, null));

            String message = assertThrows(TeleportException.class, client::ping).getMessage();
            assertTrue(message.contains("not trusted by the identity's CA"), message);
            assertTrue(message.contains(impostor.address()), message);
        }
    }

    @Test
    void unreachableAddressIsNamed() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        String address = "127.0.0.1:" + freePort;
        GrpcTeleportClient client = connect(settings(address, ConnectMode.AUTO, null));

        String message = assertThrows(TeleportException.class, client::ping).getMessage();
        assertTrue(message.contains("Cannot reach Teleport at " + address), message);
        assertTrue(message.contains("address setting"), message);
    }

    @Test
    void expiredIdentityIsRefusedBeforeConnecting() {
        IssuedCertificate old = pki.ca.issueClient(TestPki.USER, TestPki.ROLES, KeyType.ECDSA_P256,
                Instant.now().minus(Duration.ofHours(5)), Duration.ofHours(1));
        Path file = pki.writeIdentity(dir.resolve("expired"), old, KeyEncoding.PKCS8);
        TeleportConnection connection = closeLater(new TeleportConnection(
                new TeleportConfiguration().toSettings(auth.address(), file).withMode(ConnectMode.DIRECT)));

        String message = assertThrows(TeleportException.class, connection::client).getMessage();
        assertTrue(message.contains("expired at " + old.certificate().getNotAfter().toInstant()), message);
        assertTrue(auth.clientCertificates.isEmpty(), "no connection was attempted");
    }

    @Test
    void rotatedIdentityIsPickedUpWithoutRestart() {
        Path file = dir.resolve("identity");
        IssuedCertificate first = pki.client(KeyType.ECDSA_P256);
        pki.writeIdentity(file, first, KeyEncoding.PKCS8);
        TeleportConnection connection = closeLater(new TeleportConnection(
                new TeleportConfiguration().toSettings(auth.address(), file).withMode(ConnectMode.DIRECT)));

        connection.client().ping();
        assertEquals(first.certificate().getSerialNumber(), lastClientCertificate().getSerialNumber());

        IssuedCertificate second = pki.client(KeyType.RSA_2048);
        pki.writeIdentity(file, second, KeyEncoding.PKCS1);
        connection.client().ping();

        assertNotEquals(first.certificate().getSerialNumber(), second.certificate().getSerialNumber());
        assertEquals(second.certificate().getSerialNumber(), lastClientCertificate().getSerialNumber());
    }

    private X509Certificate lastClientCertificate() {
        return new ArrayList<>(auth.clientCertificates).get(auth.clientCertificates.size() - 1);
    }
}

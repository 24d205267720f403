package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionUpgradeTest {

    private static Http11.Head head(String text) throws Exception {
        return Http11.readHead(new ByteArrayInputStream((text + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theRequestOffersTheWebSocketAndTheLegacyFormAsTeleports15_1To17_2ClientsDo() throws Exception {
        Http11.Head request = head(ConnectionUpgrade.request(new TeleportAddress("proxy.example.com", 443), "a2V5")
                .strip());

        assertEquals("GET /webapi/connectionupgrade HTTP/1.1", request.firstLine());
        assertEquals(List.of("websocket", "alpn-ping"), request.values("upgrade"));
        assertEquals(List.of("alpn-ping"), request.values("x-teleport-upgrade"));
        assertEquals("Upgrade", request.header("connection"));
        assertEquals("alpn-ping", request.header("sec-websocket-protocol"));
        assertEquals("13", request.header("sec-websocket-version"));
        assertEquals("a2V5", request.header("sec-websocket-key"));
        assertEquals("proxy.example.com:443", request.header("host"));
    }

    @Test
    void theAnswerSaysWhichFormTheProxyTook() throws Exception {
        assertEquals(ConnectionUpgrade.Form.WEBSOCKET,
                ConnectionUpgrade.form(head("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket")));
        assertEquals(ConnectionUpgrade.Form.LEGACY_PING, ConnectionUpgrade.form(
                head("HTTP/1.1 101 Switching Protocols\r\nUpgrade: alpn-ping\r\nX-Teleport-Upgrade: alpn-ping")));
        assertEquals(ConnectionUpgrade.Form.LEGACY_PING, ConnectionUpgrade.form(
                head("HTTP/1.1 101 Switching Protocols\r\nX-Teleport-Upgrade: alpn-ping")), "Upgrade stripped");
        assertEquals(ConnectionUpgrade.Form.LEGACY_RAW,
                ConnectionUpgrade.form(head("HTTP/1.1 101 Switching Protocols\r\nUpgrade: alpn")));
        assertEquals(101, head("HTTP/1.1 101 Switching Protocols").status());
    }

    @Test
    void unadvertisedAlpnAndRefusedAlpnMeanUpgradeRequired() {
        assertTrue(ConnectModeResolver.refusedOrUnadvertisedAlpn(new javax.net.ssl.SSLProtocolException(
                "Invalid application_layer_protocol_negotiation extension: Only client specified application"
                        + " protocol is allowed in ServerHello message")));
        assertTrue(ConnectModeResolver.refusedOrUnadvertisedAlpn(new java.io.IOException("wrapped",
                new java.io.IOException("tls: server selected unadvertised ALPN protocol"))));
        assertTrue(ConnectModeResolver.refusedOrUnadvertisedAlpn(
                new javax.net.ssl.SSLHandshakeException("Received fatal alert: no_application_protocol")));
        assertEquals(false, ConnectModeResolver.refusedOrUnadvertisedAlpn(
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")));
    }
}

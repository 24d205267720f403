package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlpnRoutingTest {
    @Test
    void authProtocolHexEncodesTheClusterName() {
        // docs/teleport-api.md example
        assertEquals("teleport-auth@6578616d706c652e74656c65706f72742e7368.teleport.cluster.local",
                AlpnRouting.authProtocol("example.teleport.sh"));
        assertEquals("h2", AlpnRouting.authProtocols("example.teleport.sh").get(1));
    }

    @Test
    void addressesParseWithDefaults() {
        assertEquals(new TeleportAddress("teleport.example.com", 443), TeleportAddress.parse("teleport.example.com", 443));
        assertEquals(new TeleportAddress("auth", 3025), TeleportAddress.parse("auth:3025", 443));
        assertEquals(new TeleportAddress("teleport.example.com", 8443),
                TeleportAddress.parse("https://teleport.example.com:8443", 443));
        assertEquals(new TeleportAddress("::1", 3025), TeleportAddress.parse("[::1]:3025", 443));
        assertEquals(List.of(ConnectMode.PROXY_UPGRADE), List.of(ConnectMode.parse("proxy-upgrade")));
    }
}

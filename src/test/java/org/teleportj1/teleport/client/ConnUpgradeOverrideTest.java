package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnUpgradeOverrideTest {
    private static final TeleportAddress PROXY = new TeleportAddress("proxy.example.com", 443);

    private static Optional<Boolean> decide(String value) {
        return ConnUpgradeOverride.from(Map.of(ConnUpgradeOverride.VARIABLE, value)::get).upgradeRequired(PROXY);
    }

    @Test
    void unsetOrBlankLeavesItToDetection() {
        assertEquals(Optional.empty(), ConnUpgradeOverride.from(name -> null).upgradeRequired(PROXY));
        assertEquals(Optional.empty(), decide("  "));
    }

    @Test
    void aBareBooleanAppliesToEveryAddress() {
        assertEquals(Optional.of(true), decide("true"));
        assertEquals(Optional.of(false), decide("false"));
        assertEquals(Optional.of(true), decide("YES"));
        assertEquals(Optional.of(false), decide("0"));
    }

    @Test
    void aConditionForTheAddressWinsOverTheCatchAll() {
        assertEquals(Optional.of(true), decide("0,proxy.example.com:443=1"));
        assertEquals(Optional.of(false), decide("true;proxy.example.com:443=no"));
        assertEquals(Optional.of(true), decide("other.example.com:443=false,proxy.example.com:443=true"));
    }

    @Test
    void anAddressNotNamedAndNoCatchAllMeansNoUpgrade() {
        assertEquals(Optional.of(false), decide("other.example.com:443=true"));
        assertEquals(Optional.of(false), decide("proxy.example.com=true"), "the key is host:port, as dialled");
    }

    @Test
    void unparsableValuesAreIgnored() {
        assertEquals(Optional.of(true), decide("true,maybe"));
        assertEquals(Optional.of(false), decide("proxy.example.com:443=maybe"));
    }
}

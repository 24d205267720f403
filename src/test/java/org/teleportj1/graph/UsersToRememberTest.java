package org.teleportj1.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.teleportj1.graph.TeleportFixtures.NOW;
import static org.teleportj1.graph.TeleportFixtures.days;
import static org.teleportj1.graph.TeleportFixtures.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teleportj1.proto.types.ExternalIdentity;
import org.teleportj1.proto.types.UserV2;

/** What a run hands to the next one: {@link GraphBuilder#usersToRemember}. */
class UsersToRememberTest {

    private static UserV2 saml(String name) {
        UserV2.Builder user = user(name);
        user.getSpecBuilder().addSAMLIdentities(ExternalIdentity.newBuilder().setConnectorID("okta").setUsername(name));
        return user.build();
    }

    private static UserV2 github(String name) {
        UserV2.Builder user = user(name);
        user.getSpecBuilder().addGithubIdentities(ExternalIdentity.newBuilder().setConnectorID("github").setUsername(name));
        return user.build();
    }

    private static GraphBuilder listing(Duration retention, UserV2... users) {
        GraphOptions defaults = GraphOptions.DEFAULTS;
        GraphOptions options = new GraphOptions(defaults.maxTraits(), defaults.maxTraitValues(),
                defaults.maxStringLength(), defaults.maxKeyLength(), defaults.maxNestingDepth(), retention);
        GraphBuilder builder = new GraphBuilder(TeleportFixtures.cluster(), options, new RecordingSink());
        builder.users(List.of(users));
        return builder;
    }

    @Test
    void theSsoUsersListedNowAreRememberedAsSeenAtTheSyncTimeLocalUsersNever() {
        GraphBuilder builder = listing(Duration.ofDays(30), saml("carol"), github("bob"), user("alice").build());

        assertEquals(Map.of("carol", NOW, "bob", NOW), builder.usersToRemember(Map.of()));
    }

    @Test
    void usersNotListedNowAreKeptWithTheirLastSeenTimeWithinTheWindow() {
        GraphBuilder builder = listing(Duration.ofDays(30), saml("carol"), user("alice").build());
        Map<String, Instant> before = Map.of(
                "carol", days(-2),          // listed again: seen now
                "alice", days(-2),          // listed now as a local user: not remembered
                "recent", days(-3),         // absent, within the window: kept, time unchanged
                "edge", days(-30),          // exactly 30 days ago: still within
                "ancient", days(-31));      // past the window: forgotten

        assertEquals(Map.of("carol", NOW, "recent", days(-3), "edge", days(-30)), builder.usersToRemember(before));
    }

    @Test
    void aRetentionOfZeroDaysKeepsNoAbsentUser() {
        GraphBuilder builder = listing(Duration.ZERO, saml("carol"));

        assertEquals(Map.of("carol", NOW), builder.usersToRemember(Map.of("gone", days(-1), "carol", days(-5))));
    }
}

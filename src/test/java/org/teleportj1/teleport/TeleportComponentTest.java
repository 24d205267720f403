package org.teleportj1.teleport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.sandbox.SandboxBehaviour;
import org.teleportj1.sandbox.SandboxCluster;
import org.teleportj1.sandbox.SandboxOptions;
import org.teleportj1.teleport.client.TeleportException;

/** The teleport: endpoints against the sandbox auth service over real mutual TLS. */
class TeleportComponentTest extends CamelTestSupport {
    @TempDir
    static Path dir;
    private static SandboxCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SandboxCluster.start(SandboxOptions.defaults(dir));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @AfterEach
    void normalBehaviour() {
        cluster.behaviour(SandboxBehaviour.normal());
    }

    private static String uri(String resource) {
        return "teleport:" + resource + "?address=" + cluster.address() + "&identityFile=" + cluster.identityFile()
                + "&mode=direct&callTimeoutSeconds=20";
    }

    @Test
    void pingReturnsTheClusterName() {
        PingResponse ping = template.requestBody(uri("ping"), null, PingResponse.class);
        assertEquals(cluster.clusterName(), ping.getClusterName());
    }

    @Test
    void listingsArriveAsLazyPagesWithTheResourceHeader() {
        var exchange = template.request(uri("users"), e -> { });
        assertEquals("users", exchange.getMessage().getHeader(TeleportConstants.RESOURCE));
        Iterator<?> pages = exchange.getMessage().getBody(Iterator.class);
        int users = 0;
        while (pages.hasNext()) {
            users += ((List<?>) pages.next()).size();
        }
        assertEquals(cluster.data().userCount(), users);
    }

    @Test
    void everyResourceHasAnEndpoint() {
        for (String resource : List.of("roles", "accessLists", "accessListMembers", "accessListReviews")) {
            Object body = template.requestBody(uri(resource), (Object) null);
            assertInstanceOf(Iterator.class, body, resource);
            assertTrue(((Iterator<?>) body).hasNext(), resource + " has a first page");
        }
    }

    @Test
    void missingPermissionNamesTheRuleTheRoleLacks() {
        cluster.behaviour(SandboxBehaviour.normal().withPermissionDenied("access_list"));
        // the listing is lazy: the first page is fetched, and refused, when the route asks for it
        Iterator<?> pages = template.requestBody(uri("accessLists"), null, Iterator.class);
        TeleportException cause = assertThrows(TeleportException.class, pages::next);
        assertTrue(cause.getMessage().contains("access_list"), cause.getMessage());
        assertTrue(cause.getMessage().contains("list,read"), cause.getMessage());
    }

    @Test
    void unknownResourceIsRefusedWithTheChoices() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("teleport:groups?address=x:1&identityFile=/x"));
        assertTrue(e.getMessage().contains("accessListMembers"), e.getMessage());
    }

    @Test
    void misspelledOptionIsRefused() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("teleport:users?adress=x:1&identityFile=/x"));
        assertTrue(e.getMessage().contains("adress"), e.getMessage());
    }

    @Test
    void missingIdentityFileSettingIsNamed() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("teleport:ping?address=example.teleport.sh:443", (Object) null));
        assertTrue(e.getCause().getMessage().contains("TELEPORT_IDENTITY_FILE"), e.getCause().getMessage());
    }
}

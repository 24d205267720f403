package org.teleportj1.teleport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
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
    void missingIdentityFileSettingIsNamedWhenTheProducerStarts() {
        Exception e = assertThrows(Exception.class,
                () -> template.requestBody("teleport:ping?address=example.teleport.sh:443", (Object) null));
        assertTrue(messages(e).contains("TELEPORT_IDENTITY_FILE"), messages(e));
    }

    @Test
    void optionsAreBoundByTheGeneratedConfigurer() throws Exception {
        assertInstanceOf(TeleportEndpointConfigurer.class,
                context.getComponent("teleport", TeleportComponent.class).getEndpointPropertyConfigurer());
        TeleportEndpoint endpoint = context.getEndpoint(uri("users") + "&retryAttempts=5&expiryWarningMinutes=0",
                TeleportEndpoint.class);
        assertEquals(5, endpoint.getConfiguration().getRetryAttempts());
        assertEquals(0, endpoint.getConfiguration().getExpiryWarningMinutes());
    }

    @Test
    void defaultsAreThoseOfApplicationProperties() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("config/application.properties"))) {
            shipped.load(in);
        }
        TeleportConfiguration defaults = new TeleportConfiguration();
        assertEquals(shipped.getProperty("teleport.connect-mode"), defaults.getMode());
        assertEquals(Integer.parseInt(shipped.getProperty("teleport.call-timeout-seconds")),
                defaults.getCallTimeoutSeconds());
        assertEquals(Integer.parseInt(shipped.getProperty("teleport.max-message-bytes")), defaults.getMaxMessageBytes());
        assertEquals(Integer.parseInt(shipped.getProperty("teleport.expiry-warning-minutes")),
                defaults.getExpiryWarningMinutes());
    }

    @Test
    void misspelledOptionInAYamlRouteFailsRouteStartUp() {
        String yaml = """
                - route:
                    id: typo
                    from:
                      uri: direct:typo
                      steps:
                        - to:
                            uri: teleport:users
                            parameters:
                              address: x:1
                              identityFile: /x
                              callTimeoutSecond: 5
                """;
        Exception e = assertThrows(Exception.class, () -> PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.fromString("typo.camel.yaml", yaml)));
        assertTrue(messages(e).contains("Unknown parameters") && messages(e).contains("callTimeoutSecond"),
                messages(e));
    }

    @Test
    void unknownConnectModeFailsRouteStartUpWithTheAllowedValues() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:prxy").to("teleport:users?address=x:1&identityFile=/x&mode=prxy");
            }
        }));
        String message = messages(e);
        assertTrue(message.contains("'prxy'") && message.contains("connectMode")
                && message.contains("teleport.connect-mode") && message.contains("TELEPORT_CONNECT_MODE"), message);
        assertTrue(message.contains("auto, direct, proxy, proxy-upgrade"), message);
        assertInstanceOf(IllegalArgumentException.class, rootCause(e));
    }

    @Test
    void negativeNumbersAreRefusedWhenTheEndpointIsCreated() {
        for (String option : List.of("callTimeoutSeconds=-1", "maxMessageBytes=-5", "expiryWarningMinutes=-30")) {
            Exception e = assertThrows(Exception.class,
                    () -> context.getEndpoint("teleport:users?address=x:1&identityFile=/x&" + option), option);
            String name = option.substring(0, option.indexOf('='));
            assertTrue(messages(e).contains(name) && messages(e).contains(option.substring(name.length() + 1)),
                    messages(e));
            assertInstanceOf(IllegalArgumentException.class, rootCause(e), option);
        }
        String timeout = messages(assertThrows(Exception.class,
                () -> context.getEndpoint("teleport:users?address=x:1&identityFile=/x&callTimeoutSeconds=-1")));
        assertTrue(timeout.contains("teleport.call-timeout-seconds") && timeout.contains("TELEPORT_CALL_TIMEOUT_SECONDS"),
                timeout);
    }

    @Test
    void aNamedClusterFromTheRegistryIsReachedDirectly() {
        context.getRegistry().bind("labCluster", new NamedTeleportCluster() {
            @Override
            public String name() {
                return "lab";
            }

            @Override
            public String address() {
                return cluster.address();
            }

            @Override
            public Path identityFile() {
                return cluster.identityFile();
            }
        });
        PingResponse ping = template.requestBody("teleport:ping?address=lab", null, PingResponse.class);
        assertEquals(cluster.clusterName(), ping.getClusterName());
    }

    @Test
    void sandboxAddressWithoutASandboxSaysSo() {
        Exception e = assertThrows(Exception.class, () -> template.requestBody("teleport:ping?address=sandbox", (Object) null));
        assertTrue(messages(e).contains("no NamedTeleportCluster named 'sandbox'"), messages(e));
    }

    @Test
    void theClusterNameHeaderComesFromTheIdentity() {
        var exchange = template.request(uri("ping"), e -> { });
        assertEquals(cluster.clusterName(), exchange.getMessage().getHeader(TeleportConstants.CLUSTER_NAME));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

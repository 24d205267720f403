package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.ops.LastSyncHealthCheck;
import org.teleportj1.ops.Leadership;
import org.teleportj1.ops.LeadershipHealthCheck;
import org.teleportj1.ops.LeadershipProbe;
import org.teleportj1.ops.SyncStatus;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.run.SyncRun;
import org.teleportj1.state.StateDirectory;

/**
 * {@code ha.cluster-service=kubernetes} against a Kubernetes API server on loopback (fabric8's
 * mock server in CRUD mode: it stores and versions what is written, like the API server): two
 * replicas, each a Camel context with this program's {@link ClusterLeadership} and a sync route
 * of cluster {@code lab}; one leads, holds the Lease and runs the route; when it stops and its
 * pod goes away (as Kubernetes deletes a stopped pod), the other takes the Lease and runs.
 */
class KubernetesLeaseTest {
    private static final String NAMESPACE = "sync";
    private static final String LEASE = "teleport-jupiterone-teleport-sync-lab";
    private static final int LEASE_SECONDS = 3;
    private static KubernetesMockServer api;
    private static NamespacedKubernetesClient kubernetes;

    @TempDir
    Path dir;

    private final List<Replica> replicas = new ArrayList<>();

    /** One replica: its context, how often its sync route ran, its last-sync status. */
    private record Replica(String name, CamelContext context, AtomicInteger ticks, SyncStatus status) {
        Leadership.Role role() {
            return Leadership.of(context).role("lab");
        }

        boolean syncing() {
            return context.getRouteController().getRouteStatus("sync-lab") == ServiceStatus.Started;
        }
    }

    @BeforeAll
    static void startApiServer() {
        api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init(InetAddress.getLoopbackAddress(), 0);
        kubernetes = api.createClient();
    }

    @AfterAll
    static void stopApiServer() {
        kubernetes.close();
        api.destroy();
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(replica -> replica.context().stop());
    }

    @Test
    void oneReplicaHoldsTheLeaseAndTheOtherTakesOverWhenItStops() throws Exception {
        for (String name : List.of("replica-a", "replica-b")) {
            kubernetes.pods().inNamespace(NAMESPACE).resource(readyPod(name)).create();
            replicas.add(replica(name));
        }

        // elected, and the follower has seen the Lease (it looks every retry period)
        await(Duration.ofSeconds(30), () -> replicas.stream().anyMatch(r -> r.role() == Leadership.Role.LEADER
                && r.ticks().get() > 0) && replicas.stream().allMatch(r -> r.role() == Leadership.Role.LEADER
                || Leadership.of(r.context()).leader("lab").isPresent()));
        Replica leader = replicas.stream().filter(r -> r.role() == Leadership.Role.LEADER).findFirst().orElseThrow();
        Replica follower = replicas.get(replicas.indexOf(leader) == 0 ? 1 : 0);
        assertEquals(Leadership.Role.FOLLOWER, follower.role());
        assertTrue(leader.syncing(), "the leader's sync route runs");
        assertEquals(false, follower.syncing(), "the follower's sync route is not started");
        assertEquals(0, follower.ticks().get(), "the follower never synced");
        Lease lease = lease();
        assertEquals(leader.name(), lease.getSpec().getHolderIdentity(), "the Lease names the leader");
        assertEquals(LEASE_SECONDS, lease.getSpec().getLeaseDurationSeconds());

        // what operations see: the health checks of each replica, and check (read only) from either
        assertEquals("leader", details(leader, new LeadershipHealthCheck(leader.context())).get("lab.leadership"));
        assertEquals("follower (leader: " + leader.name() + ")",
                details(follower, new LeadershipHealthCheck(follower.context())).get("lab.leadership"));
        assertEquals("this replica (" + leader.name() + ") leads (Lease " + NAMESPACE + "/" + LEASE,
                probe(leader).detail().replaceAll(", renewed .*", ""));
        assertEquals(leader.name() + " leads, this replica is " + follower.name() + " (Lease " + NAMESPACE + "/"
                + LEASE, probe(follower).detail().replaceAll(", renewed .*", ""));
        // a replica whose own run failed while it led is not DOWN once it follows: the leader syncs
        for (Replica replica : replicas) {
            SyncRun failed = new SyncRun("lab", null, DeliveryMode.DRY_RUN, null, Instant.now());
            failed.failed("Teleport unreachable");
            replica.status().record(failed);
        }
        LastSyncHealthCheck followerLastSync = lastSync(follower);
        assertEquals(HealthCheck.State.UP, followerLastSync.call().getState());
        assertEquals(HealthCheck.State.DOWN, lastSync(leader).call().getState(), "the leader's failure counts");

        leader.context().stop();
        int leaderTicks = leader.ticks().get();
        long stopped = System.nanoTime();
        kubernetes.pods().inNamespace(NAMESPACE).withName(leader.name()).delete();
        await(Duration.ofSeconds(30), () -> follower.ticks().get() > 0);
        Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.printf("KubernetesLeaseTest: %s took over from %s in %d ms (lease %d s)%n", follower.name(),
                leader.name(), takeover.toMillis(), LEASE_SECONDS);

        assertEquals(Leadership.Role.LEADER, follower.role());
        assertEquals(leaderTicks, leader.ticks().get(), "the stopped leader no longer syncs");
        Lease taken = lease();
        assertEquals(follower.name(), taken.getSpec().getHolderIdentity(), "the Lease moved");
        assertEquals(1, taken.getSpec().getLeaseTransitions());
        assertTrue(takeover.compareTo(Duration.ofSeconds(LEASE_SECONDS * 5L)) < 0, "takeover took " + takeover);
    }

    private Replica replica(String name) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.putAll(ShippedDefaults.defaults());
        properties.putAll(Map.of("ha.cluster-service", "kubernetes",
                "ha.kubernetes.namespace", NAMESPACE,
                "ha.kubernetes.member-id", name,
                "ha.kubernetes.master-url", api.url("/"),
                "ha.kubernetes.lease-duration-seconds", String.valueOf(LEASE_SECONDS),
                "ha.kubernetes.renew-deadline-seconds", "2",
                "ha.kubernetes.retry-period-seconds", "1"));
        context.getPropertiesComponent().setInitialProperties(properties);
        new ClusterLeadership().configure(context);
        AtomicInteger ticks = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a stand-in for the cluster's sync: what matters is which replica runs it
                from("timer:lab?period=100").routeId("sync-lab").group("teleport-sync")
                        .process(exchange -> ticks.incrementAndGet());
            }
        });
        context.start();
        SyncStatus status = new SyncStatus(new StateDirectory(dir.resolve(name)), "dry-run");
        return new Replica(name, context, ticks, status);
    }

    private static LastSyncHealthCheck lastSync(Replica replica) {
        return new LastSyncHealthCheck(replica.context(), replica.status(), Duration.ZERO, Clock.systemUTC());
    }

    private static Map<String, Object> details(Replica replica, HealthCheck check) {
        HealthCheck.Result result = check.call();
        assertEquals(HealthCheck.State.UP, result.getState(), replica.name() + ": " + result.getMessage());
        return result.getDetails();
    }

    private static LeadershipProbe.Answer probe(Replica replica) {
        SettingReader settings = new SettingReader(replica.context().getPropertiesComponent());
        LeadershipProbe.Answer answer = ClusterServiceProbe.of(ClusterServiceSettings.read(settings), Clock.systemUTC())
                .probe("lab");
        assertTrue(answer.ok(), answer.detail());
        return answer;
    }

    private static Lease lease() {
        Lease lease = kubernetes.leases().inNamespace(NAMESPACE).withName(LEASE).get();
        assertNotNull(lease, "no Lease " + LEASE + " in " + kubernetes.leases().inNamespace(NAMESPACE).list());
        return lease;
    }

    /** A pod as the kubelet reports a started one: Running and Ready (Camel elects only among those). */
    private static Pod readyPod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build();
    }

    /** Polls {@code done} until the deadline; fails with the replicas' state if it never holds. */
    private void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(50); // polling interval only: the condition is what the test waits for
        }
        StringBuilder state = new StringBuilder();
        for (Replica replica : replicas) {
            state.append(' ').append(replica.name()).append(": ").append(replica.role()).append(", ")
                    .append(replica.ticks().get()).append(" ticks;");
        }
        throw new AssertionError("not reached within " + timeout + ":" + state + " leases: "
                + kubernetes.leases().inNamespace(NAMESPACE).list().getItems());
    }
}

package org.teleportj1.app;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.component.kubernetes.KubernetesHelper;
import org.teleportj1.ops.LeadershipProbe;

/**
 * {@code check}'s look at the leadership of a cluster, read only: the Lease (kubernetes), or the
 * heartbeat the leader writes next to its lock file (file). Joining the election would let
 * {@code check} take the lead.
 */
final class ClusterServiceProbe implements LeadershipProbe {
    /** Camel's FileLockClusterService: a leader older than this many heartbeat intervals is replaced. */
    private static final int FILE_HEARTBEAT_TIMEOUT_MULTIPLIER = 5;
    /** Its data file: the leader's UUID (36 bytes), the heartbeat interval and the last heartbeat (epoch ms). */
    private static final int FILE_UUID_BYTES = 36;

    private final ClusterServiceSettings settings;
    private final Clock clock;

    private ClusterServiceProbe(ClusterServiceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    static LeadershipProbe of(ClusterServiceSettings settings, Clock clock) {
        return ClusterServiceSettings.NONE.equals(settings.kind()) ? SINGLE_INSTANCE
                : new ClusterServiceProbe(settings, clock);
    }

    @Override
    public Answer probe(String cluster) {
        return ClusterServiceSettings.FILE.equals(settings.kind()) ? file(cluster) : kubernetes(cluster);
    }

    private Answer file(String cluster) {
        Path data = settings.fileRoot().resolve(ClusterServiceSettings.namespace(cluster) + ".dat");
        String which = "; which replica: its health check 'leadership' or its log (lock files carry no names)";
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(data));
            if (buffer.remaining() < FILE_UUID_BYTES + 2 * Long.BYTES) {
                return new Answer(true, "no replica leads (" + data + " is empty: the last leader stopped)");
            }
            buffer.position(FILE_UUID_BYTES);
            long interval = buffer.getLong();
            Duration age = Duration.between(Instant.ofEpochMilli(buffer.getLong()), clock.instant());
            if (age.toMillis() > interval * FILE_HEARTBEAT_TIMEOUT_MULTIPLIER) {
                return new Answer(true, "no replica leads now: the last leader's heartbeat in " + data + " is "
                        + age.toSeconds() + " s old (a running replica takes over)");
            }
            return new Answer(true, "a replica leads (heartbeat " + Math.max(0, age.toSeconds()) + " s ago in "
                    + data + ")" + which);
        } catch (NoSuchFileException e) {
            return new Answer(true, "no replica has led yet (no " + data + "): the first 'run' to start takes it");
        } catch (IOException e) {
            return new Answer(false, "cannot read " + data + ": " + e.getMessage() + ": check that "
                    + SettingReader.name("ha.file.root") + " is the shared directory and this user may read it");
        }
    }

    private Answer kubernetes(String cluster) {
        ClusterServiceSettings.Kubernetes kubernetes = settings.kubernetes();
        String lease = kubernetes.namespace() + "/" + ClusterServiceSettings.leaseName(cluster);
        try (KubernetesClient client = KubernetesHelper.getKubernetesClient(settings.kubernetesConfiguration())) {
            Lease found = client.leases().inNamespace(kubernetes.namespace())
                    .withName(ClusterServiceSettings.leaseName(cluster)).get();
            String holder = found == null || found.getSpec() == null ? null : found.getSpec().getHolderIdentity();
            if (holder == null) {
                return new Answer(true, "no replica leads (" + (found == null ? "no Lease " + lease
                        + " yet: the first 'run' to start creates it" : "Lease " + lease + " has no holder") + ")");
            }
            String renewed = found.getSpec().getRenewTime() == null ? "" : ", renewed "
                    + Math.max(0, Duration.between(found.getSpec().getRenewTime().toInstant(), clock.instant())
                    .toSeconds()) + " s ago";
            return new Answer(true, (holder.equals(kubernetes.memberId()) ? "this replica (" + holder + ") leads"
                    : holder + " leads, this replica is " + kubernetes.memberId()) + " (Lease " + lease + renewed + ")");
        } catch (KubernetesClientException e) {
            String status = e.getCode() == 0 ? "" : " (HTTP " + e.getCode() + ")";
            return new Answer(false, "cannot read Lease " + lease + status + ": " + firstLine(e.getMessage())
                    + ": the service account needs get, list, watch, create, update and patch on leases and get,"
                    + " list on pods in namespace " + kubernetes.namespace() + " (deploy/kubernetes/rbac.yaml)");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

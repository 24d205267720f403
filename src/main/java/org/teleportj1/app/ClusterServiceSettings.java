package org.teleportj1.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * The {@code ha.*} settings: which Camel cluster service {@code run} uses, checked up front so a
 * wrong value is one message naming the setting, not an exception inside Camel's election.
 */
record ClusterServiceSettings(String kind, Path fileRoot, long fileIntervalSeconds, Kubernetes kubernetes) {
    static final String NONE = "none";
    static final String FILE = "file";
    static final String KUBERNETES = "kubernetes";
    static final List<String> KINDS = List.of(NONE, FILE, KUBERNETES);

    /** Where Kubernetes mounts the pod's namespace with its service account token. */
    static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
    /** camel-kubernetes randomizes the retry period by up to this factor; the renew deadline must exceed it. */
    private static final double CAMEL_JITTER_FACTOR = 1.2;
    /** The Lease of cluster {@code c} is {@code teleport-jupiterone-teleport-sync-c}. */
    static final String LEASE_PREFIX = "teleport-jupiterone";

    /** The Kubernetes Lease settings (ha.kubernetes.*). */
    record Kubernetes(String namespace, String memberId, Optional<String> masterUrl, long leaseDurationSeconds,
                      long renewDeadlineSeconds, long retryPeriodSeconds) {
    }

    static ClusterServiceSettings read(SettingReader settings) {
        return read(settings, SERVICE_ACCOUNT_NAMESPACE);
    }

    static ClusterServiceSettings read(SettingReader settings, Path serviceAccountNamespace) {
        String kind = settings.choice("ha.cluster-service", KINDS);
        long interval = settings.number("ha.file.acquire-lock-interval-seconds", 1, Integer.MAX_VALUE);
        Kubernetes kubernetes = kubernetes(settings, kind.equals(KUBERNETES), serviceAccountNamespace);
        Path root = kind.equals(FILE) ? fileRoot(settings) : null;
        return new ClusterServiceSettings(kind, root, interval, kubernetes);
    }

    /** The namespace of cluster {@code cluster}'s leadership: the lock file's or the Lease's group. */
    static String namespace(String cluster) {
        return "teleport-sync-" + cluster;
    }

    /** The Lease camel-kubernetes keeps for a cluster: its resource name joined to the group, made a valid name. */
    static String leaseName(String cluster) {
        return (LEASE_PREFIX + "-" + namespace(cluster)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-.]", "-");
    }

    /** A new, not yet started cluster service; null with none. */
    CamelClusterService newService() {
        return switch (kind) {
            case FILE -> {
                FileLockClusterService file = new FileLockClusterService();
                file.setRoot(fileRoot.toString());
                file.setAcquireLockInterval(fileIntervalSeconds, TimeUnit.SECONDS);
                yield file;
            }
            case KUBERNETES -> {
                // masterUrl and namespace only take effect through a configuration (KubernetesClusterService.doInit);
                // the Leases live in the client's namespace (the same call on Camel 4.14, which the Karaf bundle runs on)
                KubernetesClusterService service = new KubernetesClusterService(kubernetesConfiguration());
                service.setKubernetesResourceName(LEASE_PREFIX);
                service.setLeaseResourceType(LeaseResourceType.Lease);
                service.setPodName(kubernetes.memberId());
                service.setLeaseDurationMillis(TimeUnit.SECONDS.toMillis(kubernetes.leaseDurationSeconds()));
                service.setRenewDeadlineMillis(TimeUnit.SECONDS.toMillis(kubernetes.renewDeadlineSeconds()));
                service.setRetryPeriodMillis(TimeUnit.SECONDS.toMillis(kubernetes.retryPeriodSeconds()));
                yield service;
            }
            default -> null;
        };
    }

    /** How the fabric8 client reaches the API server: the master URL if set, else its own autoconfiguration. */
    KubernetesConfiguration kubernetesConfiguration() {
        KubernetesConfiguration configuration = new KubernetesConfiguration();
        kubernetes.masterUrl().ifPresent(configuration::setMasterUrl);
        configuration.setNamespace(kubernetes.namespace());
        return configuration;
    }

    /** Where leadership is kept, for logs and messages. */
    String describe() {
        return switch (kind) {
            case FILE -> "file locks in " + fileRoot;
            case KUBERNETES -> "Kubernetes Leases in namespace " + kubernetes.namespace() + " (this replica: "
                    + kubernetes.memberId() + ")";
            default -> "no cluster service (single instance)";
        };
    }

    private static Path fileRoot(SettingReader settings) {
        String root = settings.text("ha.file.root").orElseThrow(() -> new ConfigurationException(
                SettingReader.name("ha.file.root") + " is empty, but " + SettingReader.name("ha.cluster-service")
                + " is file: set it to a directory all replicas share (NFS, EFS, a ReadWriteMany volume)."));
        // not created here: a share that is not mounted would give every host a lock of its own
        Path dir = Path.of(root);
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new ConfigurationException(SettingReader.name("ha.file.root") + " is " + dir + ", which is not"
                    + " a directory this user can write: mount the shared directory there, or fix its owner or"
                    + " permissions.");
        }
        return dir;
    }

    /** Checked whatever the service, so a typo shows before the day it is switched on; null unless used. */
    private static Kubernetes kubernetes(SettingReader settings, boolean used, Path serviceAccountNamespace) {
        long lease = settings.number("ha.kubernetes.lease-duration-seconds", 1, Integer.MAX_VALUE);
        long renew = settings.number("ha.kubernetes.renew-deadline-seconds", 1, Integer.MAX_VALUE);
        long retry = settings.number("ha.kubernetes.retry-period-seconds", 1, Integer.MAX_VALUE);
        if (renew >= lease) {
            throw new ConfigurationException(SettingReader.name("ha.kubernetes.renew-deadline-seconds") + " is "
                    + renew + ", but must be less than " + SettingReader.name("ha.kubernetes.lease-duration-seconds")
                    + " (" + lease + "): a leader gives up before its lease runs out.");
        }
        if (renew <= CAMEL_JITTER_FACTOR * retry) {
            throw new ConfigurationException(SettingReader.name("ha.kubernetes.renew-deadline-seconds") + " is "
                    + renew + ", but must be more than 1.2 times " + SettingReader.name("ha.kubernetes.retry-period-seconds")
                    + " (" + retry + "): a leader renews its lease every retry period, randomized by up to 20 %.");
        }
        Optional<String> masterUrl = settings.text("ha.kubernetes.master-url");
        masterUrl.ifPresent(ClusterServiceSettings::checkUrl);
        if (!used) {
            return null;
        }
        String namespace = settings.text("ha.kubernetes.namespace")
                .or(() -> podNamespace(serviceAccountNamespace))
                .orElseThrow(() -> new ConfigurationException(SettingReader.name("ha.kubernetes.namespace")
                        + " is empty and " + serviceAccountNamespace + " does not exist (not in a pod, or the service"
                        + " account token is not mounted): set it to the namespace of the replicas' Leases."));
        String member = settings.text("ha.kubernetes.member-id").orElseGet(ClusterServiceSettings::hostName);
        return new Kubernetes(namespace, member, masterUrl, lease, renew, retry);
    }

    private static void checkUrl(String url) {
        String key = "ha.kubernetes.master-url";
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigurationException(SettingReader.name(key) + " is '" + url + "', not a URL like"
                    + " https://kubernetes.default.svc: fix it, or unset it to use the service account.");
        }
    }

    private static Optional<String> podNamespace(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).trim()).filter(ns -> !ns.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The pod name (Kubernetes sets HOSTNAME to it), else this host's name. */
    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new ConfigurationException(SettingReader.name("ha.kubernetes.member-id") + " is empty and this"
                    + " host's name is unknown (" + e.getMessage() + "): set it to the pod name.");
        }
    }
}

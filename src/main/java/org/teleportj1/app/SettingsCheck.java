package org.teleportj1.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartz.CronExpression;
import org.teleportj1.sync.ResourceMode;
import org.teleportj1.teleport.TeleportResource;
import org.teleportj1.teleport.client.ConnectMode;

/**
 * The settings the routes and components read, checked before anything starts: a negative
 * number, an unknown mode or an unreadable file is one configuration error naming the setting,
 * not a failure deep inside the first run.
 */
final class SettingsCheck {
    /** The connect modes as a user writes them: auto, direct, proxy, proxy-upgrade. */
    static final List<String> CONNECT_MODES = Arrays.stream(ConnectMode.values())
            .map(mode -> mode.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();

    /** The cluster services of {@code ha.cluster-service} this build has. */
    static final List<String> CLUSTER_SERVICES = List.of("none", "file");

    private SettingsCheck() {
    }

    static void run(SettingReader settings) {
        settings.choice("teleport.connect-mode", CONNECT_MODES);
        resourceModes(settings);
        settings.readableFile("teleport.proxy-ca-file", "the PEM file of the CA that signed the proxy's certificate");
        settings.number("teleport.call-timeout-seconds", 1, Integer.MAX_VALUE);
        settings.number("teleport.max-message-bytes", 1, Integer.MAX_VALUE);
        settings.number("teleport.expiry-warning-minutes", 0, Integer.MAX_VALUE);
        settings.number("j1.retry.max-retries", 0, Integer.MAX_VALUE);
        settings.number("j1.retry.initial-delay-ms", 0);
        settings.number("j1.retry.max-delay-ms", 0);
        settings.number("j1.http.connect-timeout-ms", 0, Integer.MAX_VALUE);
        settings.number("j1.http.response-timeout-ms", 0, Integer.MAX_VALUE);
        settings.number("j1.upload.parallelism", 1, Integer.MAX_VALUE);
        settings.number("j1.job.poll-interval-ms", 1);
        settings.number("j1.job.poll-timeout-seconds", 0);
        settings.number("sync.deletion-guard.max-shrink-percent", 0, 100);
        settings.number("health.max-sync-age-minutes", 0);
        settings.number("camel.management.port", 0, 65535);
        settings.bool("j1.upload.gzip");
        settings.bool("j1.finalize.partial-datasets");
        settings.bool("sync.deletion-guard.allow-shrink");
        clusterService(settings);
        String cron = settings.required("sync.cron");
        if (!CronExpression.isValidExpression(cron)) {
            throw new ConfigurationException(SettingReader.name("sync.cron") + " is '" + cron + "', not a Quartz cron"
                    + " expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 * * * ?').");
        }
    }

    /** {@code teleport.resources.<name>} of every optional resource. */
    static Map<TeleportResource, ResourceMode> resourceModes(SettingReader settings) {
        List<String> allowed = Arrays.stream(ResourceMode.values()).map(ResourceMode::settingValue).toList();
        Map<TeleportResource, ResourceMode> modes = new EnumMap<>(TeleportResource.class);
        for (TeleportResource resource : TeleportResource.values()) {
            if (resource.isOptional()) {
                modes.put(resource, ResourceMode.parse(settings.choice(resource.setting(), allowed)));
            }
        }
        return modes;
    }

    /** The cluster service of {@code run} and, for {@code file}, its shared directory. */
    static String clusterService(SettingReader settings) {
        String key = "ha.cluster-service";
        if (settings.text(key).filter("kubernetes"::equalsIgnoreCase).isPresent()) {
            throw new ConfigurationException(SettingReader.name(key) + " is 'kubernetes', which this build does not"
                    + " support yet: use file (with " + SettingReader.name("ha.file.root") + " on a volume all"
                    + " replicas share) or none.");
        }
        String service = settings.choice(key, CLUSTER_SERVICES);
        settings.number("ha.file.acquire-lock-interval-seconds", 1, Integer.MAX_VALUE);
        if ("file".equals(service)) {
            String root = settings.text("ha.file.root").orElseThrow(() -> new ConfigurationException(
                    SettingReader.name("ha.file.root") + " is empty, but " + SettingReader.name(key) + " is file: set"
                    + " it to a directory all replicas share (NFS, EFS, a ReadWriteMany volume)."));
            // not created here: a share that is not mounted would give every host a lock of its own
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new ConfigurationException(SettingReader.name("ha.file.root") + " is " + dir + ", which is not"
                        + " a directory this user can write: mount the shared directory there, or fix its owner or"
                        + " permissions.");
            }
        }
        return service;
    }
}

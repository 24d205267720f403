package org.teleportj1.app;

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
        ClusterServiceSettings.read(settings);
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
}

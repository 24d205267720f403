package org.teleportj1.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.spi.PropertiesComponent;
import org.teleportj1.batch.BatchLimits;
import org.teleportj1.delivery.DeliverySettings;
import org.teleportj1.graph.GraphOptions;
import org.teleportj1.jupiterone.J1Settings;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.sync.OptionalResources;
import org.teleportj1.sync.SyncSettings;
import org.teleportj1.teleport.client.IdentityFileReader;
import org.teleportj1.teleport.client.TeleportException;

/**
 * Reads and checks the global settings. Every key has its one default in application.properties
 * and an environment override ({@code j1.api-key} from {@code J1_API_KEY}, see EnvironmentOverrides).
 */
public final class AppSettings {
    static final String TELEPORT_ADDRESS = "teleport.address";
    static final String TELEPORT_IDENTITY_FILE = "teleport.identity-file";

    private AppSettings() {
    }

    /** Every setting checked up front, then the global ones read: a wrong value is one message naming it. */
    public static SyncSettings read(PropertiesComponent properties) {
        SettingReader settings = new SettingReader(properties);
        SettingsCheck.run(settings);
        J1Settings j1 = new J1Settings(
                settings.required("j1.api-base-url"),
                settings.text("j1.api-key").orElse(null),
                settings.text("j1.account-id").orElse(null),
                settings.text("j1.scope").orElse(null),
                settings.text("j1.integration-instance-id").orElse(null));
        checkJ1(j1);
        checkTeleport(properties, j1);
        DeliveryMode mode = j1.hasCredentials() ? DeliveryMode.JUPITERONE : DeliveryMode.DRY_RUN;
        BatchLimits limits;
        try {
            limits = new BatchLimits(settings.number("j1.batch.max-bytes", 1),
                    (int) settings.number("j1.batch.max-objects", 1, Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (J1_BATCH_MAX_BYTES / J1_BATCH_MAX_OBJECTS)");
        }
        long rememberDays = settings.number("sync.remember-users-days", 0);
        GraphOptions graph = GraphOptions.DEFAULTS.withUserRetention(Duration.ofDays(rememberDays));
        return new SyncSettings(mode, Path.of(settings.required("sync.output-dir")), limits, j1, graph);
    }

    /** The first thing the program says: what it will sync, and where the result goes. */
    public static String describe(SyncSettings settings, boolean sandboxByDefault) {
        String target = settings.mode() == DeliveryMode.DRY_RUN
                ? "in dry-run mode (no J1_API_KEY/J1_ACCOUNT_ID): files in " + settings.outputDir().toAbsolutePath() + "/<cluster>/"
                : "into JupiterOne account " + settings.j1().accountId() + " at " + settings.j1().apiBaseUrl();
        if (sandboxByDefault) {
            return "No TELEPORT_ADDRESS configured: syncing the built-in sandbox cluster " + target
                    + ". Set TELEPORT_ADDRESS and TELEPORT_IDENTITY_FILE to sync your own cluster.";
        }
        return "Syncing the configured Teleport clusters " + target + ".";
    }

    /** How runs are delivered to J1 and what is kept about them locally. */
    public static DeliverySettings delivery(PropertiesComponent properties) {
        SettingReader settings = new SettingReader(properties);
        try {
            return new DeliverySettings(
                    settings.bool("j1.upload.gzip"),
                    (int) settings.number("j1.upload.parallelism", 1, Integer.MAX_VALUE),
                    Duration.ofMillis(settings.number("j1.job.poll-interval-ms", 1)),
                    Duration.ofSeconds(settings.number("j1.job.poll-timeout-seconds", 0)),
                    Path.of(settings.required("sync.state-dir")),
                    Path.of(settings.required("sync.dead-letter-dir")),
                    (int) settings.number("sync.deletion-guard.max-shrink-percent", 0, 100),
                    settings.bool("sync.deletion-guard.allow-shrink"),
                    settings.bool("j1.finalize.partial-datasets"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + ".");
        }
    }

    /** Which optional Teleport resources are read (checked up front by {@link #read}). */
    public static OptionalResources optionalResources(PropertiesComponent properties) {
        return new OptionalResources(SettingsCheck.resourceModes(new SettingReader(properties)));
    }

    /** A whole-number setting (checked up front by {@link #read}). */
    static long number(PropertiesComponent properties, String key) {
        return new SettingReader(properties).number(key, 0);
    }

    /** True when no Teleport address is configured: the built-in sandbox is synced. */
    public static boolean sandboxByDefault(PropertiesComponent properties) {
        return value(properties, TELEPORT_ADDRESS).isEmpty();
    }

    private static void checkJ1(J1Settings j1) {
        boolean key = J1Settings.notBlankValue(j1.apiKey());
        boolean account = J1Settings.notBlankValue(j1.accountId());
        if (key && !account) {
            throw new ConfigurationException("J1_API_KEY is set but J1_ACCOUNT_ID is not: set J1_ACCOUNT_ID"
                    + " (j1.account-id) to your JupiterOne account id, or unset J1_API_KEY for a dry run.");
        }
        if (account && !key) {
            throw new ConfigurationException("J1_ACCOUNT_ID is set but J1_API_KEY is not: set J1_API_KEY"
                    + " (j1.api-key) to a JupiterOne API key, or unset J1_ACCOUNT_ID for a dry run.");
        }
        if (key && !j1.apiBaseUrl().matches("(?i)https?://.+")) {
            throw new ConfigurationException("J1_API_BASE_URL (j1.api-base-url) must be an http(s) URL such as"
                    + " https://api.us.jupiterone.io, was '" + j1.apiBaseUrl() + "'.");
        }
    }

    private static void checkTeleport(PropertiesComponent properties, J1Settings j1) {
        Optional<String> address = value(properties, TELEPORT_ADDRESS);
        if (address.isEmpty()) {
            if (j1.hasCredentials()) {
                throw new ConfigurationException("J1 credentials are set but TELEPORT_ADDRESS (teleport.address) is"
                        + " not: set it to your cluster's proxy (e.g. example.teleport.sh:443), or to 'sandbox' to send"
                        + " the built-in sandbox data to JupiterOne on purpose.");
            }
            return;
        }
        if ("sandbox".equalsIgnoreCase(address.get())) {
            return;
        }
        Optional<String> identity = value(properties, TELEPORT_IDENTITY_FILE);
        if (identity.isEmpty()) {
            throw new ConfigurationException("TELEPORT_ADDRESS is " + address.get() + " but TELEPORT_IDENTITY_FILE"
                    + " (teleport.identity-file) is not set: point it to the identity file written by"
                    + " 'tctl auth sign --format=file' or by tbot.");
        }
        Path file = Path.of(identity.get());
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("TELEPORT_IDENTITY_FILE (teleport.identity-file) is " + file
                    + ", which does not exist or is not a file: create it with 'tctl auth sign --format=file"
                    + " --user=<user> --out=" + file + "' or point the setting to tbot's identity output.");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigurationException("TELEPORT_IDENTITY_FILE (teleport.identity-file) is " + file
                    + ", which this user cannot read: fix its owner or permissions (mode 0600, owned by this user).");
        }
        try {
            // the same checks every run makes, up front: a bad identity is a configuration error
            IdentityFileReader.read(file).requireValidAt(Instant.now());
        } catch (TeleportException e) {
            throw new ConfigurationException("TELEPORT_IDENTITY_FILE (teleport.identity-file): " + e.getMessage());
        }
    }

    static Optional<String> value(PropertiesComponent properties, String key) {
        return new SettingReader(properties).text(key);
    }
}

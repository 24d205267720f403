package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.sandbox.CertificateAuthority;
import org.teleportj1.sandbox.IdentityFileWriter;
import org.teleportj1.sandbox.IssuedCertificate;
import org.teleportj1.sandbox.KeyEncoding;
import org.teleportj1.sandbox.KeyType;
import org.teleportj1.run.DeliveryMode;
import org.teleportj1.sync.SyncSettings;

/** Each configuration mistake a user can make gets one message naming the setting and the fix. */
class AppSettingsTest {
    @TempDir
    Path dir;

    private static SyncSettings read(String... keyValues) {
        CamelContext context = new DefaultCamelContext();
        // the shipped defaults, as the application has them: AppSettings has none of its own
        Properties properties = new Properties();
        properties.putAll(ShippedDefaults.defaults());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        context.getPropertiesComponent().setInitialProperties(properties);
        return AppSettings.read(context.getPropertiesComponent());
    }

    @Test
    void nothingConfiguredIsADryRunOfTheSandbox() {
        SyncSettings settings = read();
        assertEquals(DeliveryMode.DRY_RUN, settings.mode());
        assertEquals(Path.of("output"), settings.outputDir());
    }

    @Test
    void apiKeyWithoutAccountIdNamesTheMissingSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "sandbox", "j1.api-key", "secret-key-value"));
        assertTrue(e.getMessage().contains("J1_ACCOUNT_ID"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-key-value"), "the key itself is never echoed");
    }

    @Test
    void accountIdWithoutApiKeyNamesTheMissingSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "sandbox", "j1.account-id", "acct"));
        assertTrue(e.getMessage().contains("J1_API_KEY"), e.getMessage());
    }

    @Test
    void j1CredentialsWithoutTeleportAddressAreRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("j1.api-key", "k", "j1.account-id", "acct"));
        assertTrue(e.getMessage().contains("TELEPORT_ADDRESS"), e.getMessage());
        assertTrue(e.getMessage().contains("'sandbox'"), e.getMessage());
    }

    @Test
    void explicitSandboxMayGoToJupiterOne() {
        SyncSettings settings = read("teleport.address", "sandbox", "j1.api-key", "k", "j1.account-id", "acct");
        assertEquals(DeliveryMode.JUPITERONE, settings.mode());
    }

    @Test
    void addressWithoutIdentityFileNamesTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "example.teleport.sh:443"));
        assertTrue(e.getMessage().contains("TELEPORT_IDENTITY_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("tctl auth sign"), e.getMessage());
    }

    @Test
    void missingIdentityFileNamesTheFileAndTheSetting() {
        Path missing = dir.resolve("nope/identity");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "example.teleport.sh:443", "teleport.identity-file", missing.toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("TELEPORT_IDENTITY_FILE"), e.getMessage());
    }

    @Test
    void validIdentityFileIsAccepted() {
        Path identity = identity(Instant.now(), Duration.ofHours(1));
        SyncSettings settings = read("teleport.address", "example.teleport.sh:443",
                "teleport.identity-file", identity.toString());
        assertEquals(DeliveryMode.DRY_RUN, settings.mode());
    }

    @Test
    void garbageIdentityFileIsAConfigurationErrorNamingTheSetting() throws Exception {
        Path garbage = Files.writeString(dir.resolve("identity"), "not an identity");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "example.teleport.sh:443", "teleport.identity-file", garbage.toString()));
        assertTrue(e.getMessage().startsWith("TELEPORT_IDENTITY_FILE"), e.getMessage());
        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
    }

    @Test
    void expiredIdentityFileIsAConfigurationErrorWithItsExpiry() {
        Path expired = identity(Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.address", "example.teleport.sh:443", "teleport.identity-file", expired.toString()));
        assertTrue(e.getMessage().contains("TELEPORT_IDENTITY_FILE"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("expired"), e.getMessage());
        assertTrue(!e.getMessage().contains("PRIVATE KEY"), "no key material in messages");
    }

    private Path identity(Instant notBefore, Duration validity) {
        CertificateAuthority ca = CertificateAuthority.create("example.teleport.sh", KeyType.ECDSA_P256);
        IssuedCertificate client = ca.issueClient("jupiterone", List.of("jupiterone-reader"), KeyType.ECDSA_P256,
                notBefore, validity);
        return IdentityFileWriter.write(dir.resolve("identity-" + notBefore.toEpochMilli()),
                IdentityFileWriter.format(client, KeyEncoding.PKCS8, ca.clusterName(), List.of(ca.certificate())));
    }

    @Test
    void badBatchSizeNamesTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> read("j1.batch.max-bytes", "lots"));
        assertTrue(e.getMessage().contains("j1.batch.max-bytes"), e.getMessage());
    }

    @Test
    void theFileClusterServiceNeedsAnExistingSharedDirectory() {
        ConfigurationException unset = assertThrows(ConfigurationException.class,
                () -> read("ha.cluster-service", "file"));
        assertTrue(unset.getMessage().startsWith("HA_FILE_ROOT (ha.file.root) is empty, but HA_CLUSTER_SERVICE"
                + " (ha.cluster-service) is file: set it to a directory all replicas share"), unset.getMessage());
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> read("ha.cluster-service", "file", "ha.file.root", dir.resolve("not-mounted").toString()));
        assertTrue(missing.getMessage().contains("which is not a directory this user can write: mount the shared"
                + " directory there"), missing.getMessage());
        ConfigurationException interval = assertThrows(ConfigurationException.class, () -> read("ha.cluster-service",
                "file", "ha.file.root", dir.toString(), "ha.file.acquire-lock-interval-seconds", "0"));
        assertTrue(interval.getMessage().startsWith("HA_FILE_ACQUIRE_LOCK_INTERVAL_SECONDS"), interval.getMessage());
        assertEquals(DeliveryMode.DRY_RUN, read("ha.cluster-service", "File", "ha.file.root", dir.toString()).mode());
    }

    @Test
    void anUnknownClusterServiceNamesTheAllowedOnes() {
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> read("ha.cluster-service", "zookeeper"));
        assertEquals("HA_CLUSTER_SERVICE (ha.cluster-service) is 'zookeeper': allowed values are none, file,"
                + " kubernetes.", unknown.getMessage());
    }

    @Test
    void kubernetesTakesThePodsNamespaceOrNeedsOne() throws Exception {
        Path serviceAccount = dir.resolve("namespace");
        ConfigurationException none = assertThrows(ConfigurationException.class,
                () -> kubernetes(serviceAccount, "ha.cluster-service", "kubernetes"));
        assertEquals("HA_KUBERNETES_NAMESPACE (ha.kubernetes.namespace) is empty and " + serviceAccount + " does not"
                + " exist (not in a pod, or the service account token is not mounted): set it to the namespace of"
                + " the replicas' Leases.", none.getMessage());

        Files.writeString(serviceAccount, "sync-team\n");
        ClusterServiceSettings inPod = kubernetes(serviceAccount, "ha.cluster-service", "kubernetes",
                "ha.kubernetes.member-id", "teleport-jupiterone-5d9c-x2");
        assertEquals("sync-team", inPod.kubernetes().namespace());
        assertEquals(15, inPod.kubernetes().leaseDurationSeconds(), "Camel's default");
        assertEquals("Kubernetes Leases in namespace sync-team (this replica: teleport-jupiterone-5d9c-x2)",
                inPod.describe());
        assertEquals("other", kubernetes(serviceAccount, "ha.cluster-service", "kubernetes",
                "ha.kubernetes.namespace", "other").kubernetes().namespace(), "the setting wins");
        assertEquals("teleport-jupiterone-teleport-sync-prod-eu", ClusterServiceSettings.leaseName("prod_EU"));
    }

    @Test
    void kubernetesTimingsAreCheckedAsCamelNeedsThem() {
        ConfigurationException renew = assertThrows(ConfigurationException.class, () -> read(
                "ha.kubernetes.lease-duration-seconds", "10", "ha.kubernetes.renew-deadline-seconds", "10"));
        assertEquals("HA_KUBERNETES_RENEW_DEADLINE_SECONDS (ha.kubernetes.renew-deadline-seconds) is 10, but must be"
                + " less than HA_KUBERNETES_LEASE_DURATION_SECONDS (ha.kubernetes.lease-duration-seconds) (10): a"
                + " leader gives up before its lease runs out.", renew.getMessage());
        ConfigurationException retry = assertThrows(ConfigurationException.class, () -> read(
                "ha.kubernetes.retry-period-seconds", "9"));
        assertTrue(retry.getMessage().startsWith("HA_KUBERNETES_RENEW_DEADLINE_SECONDS"
                + " (ha.kubernetes.renew-deadline-seconds) is 10, but must be more than 1.2 times"
                + " HA_KUBERNETES_RETRY_PERIOD_SECONDS (ha.kubernetes.retry-period-seconds) (9)"), retry.getMessage());
        ConfigurationException zero = assertThrows(ConfigurationException.class, () -> read(
                "ha.kubernetes.retry-period-seconds", "0"));
        assertEquals("HA_KUBERNETES_RETRY_PERIOD_SECONDS (ha.kubernetes.retry-period-seconds) must be a whole number"
                + " of at least 1, was 0.", zero.getMessage());
        ConfigurationException url = assertThrows(ConfigurationException.class, () -> read(
                "ha.kubernetes.master-url", "kubernetes.default.svc"));
        assertEquals("HA_KUBERNETES_MASTER_URL (ha.kubernetes.master-url) is 'kubernetes.default.svc', not a URL"
                + " like https://kubernetes.default.svc: fix it, or unset it to use the service account.",
                url.getMessage());
    }

    private static ClusterServiceSettings kubernetes(Path serviceAccount, String... keyValues) {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.putAll(ShippedDefaults.defaults());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        context.getPropertiesComponent().setInitialProperties(properties);
        return ClusterServiceSettings.read(new SettingReader(context.getPropertiesComponent()), serviceAccount);
    }

    @Test
    void anUnknownConnectModeNamesTheSettingAndTheAllowedValues() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.connect-mode", "prxy"));
        assertEquals("TELEPORT_CONNECT_MODE (teleport.connect-mode) is 'prxy': allowed values are auto, direct,"
                + " proxy, proxy-upgrade.", e.getMessage());
        assertEquals(DeliveryMode.DRY_RUN, read("teleport.connect-mode", "Proxy-Upgrade").mode());
    }

    @Test
    void aNegativeNumberNamesTheSettingAndItsRange() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.call-timeout-seconds", "-5"));
        assertEquals("TELEPORT_CALL_TIMEOUT_SECONDS (teleport.call-timeout-seconds) must be a whole number of at least 1,"
                + " was -5.",
                e.getMessage());
        ConfigurationException percent = assertThrows(ConfigurationException.class,
                () -> read("sync.deletion-guard.max-shrink-percent", "150"));
        assertTrue(percent.getMessage().contains("SYNC_DELETION_GUARD_MAX_SHRINK_PERCENT"), percent.getMessage());
        assertTrue(percent.getMessage().contains("from 0 to 100"), percent.getMessage());
        ConfigurationException retries = assertThrows(ConfigurationException.class,
                () -> read("j1.retry.max-retries", "-1"));
        assertTrue(retries.getMessage().startsWith("J1_RETRY_MAX_RETRIES (j1.retry.max-retries)"), retries.getMessage());
    }

    @Test
    void anEmptyRequiredSettingSaysHowToGetTheDefault() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> read("j1.upload.parallelism", " "));
        assertEquals("J1_UPLOAD_PARALLELISM (j1.upload.parallelism) is empty: set it, or unset it to get the"
                + " default (4).", e.getMessage());
    }

    @Test
    void anUnreadableProxyCaFileNamesTheSetting() {
        Path missing = dir.resolve("no-ca.pem");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> read("teleport.proxy-ca-file", missing.toString()));
        assertTrue(e.getMessage().startsWith("TELEPORT_PROXY_CA_FILE (teleport.proxy-ca-file) is " + missing),
                e.getMessage());
    }

    @Test
    void aBadCronAndABadBooleanNameTheirSettings() {
        ConfigurationException cron = assertThrows(ConfigurationException.class, () -> read("sync.cron", "hourly"));
        assertTrue(cron.getMessage().startsWith("SYNC_CRON (sync.cron) is 'hourly'"), cron.getMessage());
        ConfigurationException gzip = assertThrows(ConfigurationException.class, () -> read("j1.upload.gzip", "maybe"));
        assertEquals("J1_UPLOAD_GZIP (j1.upload.gzip) must be true or false, was 'maybe'.", gzip.getMessage());
    }
}

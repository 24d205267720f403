package org.teleportj1.teleport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.teleportj1.teleport.client.ConnectMode;
import org.teleportj1.teleport.client.TeleportSettings;

/**
 * Options of a {@code teleport:} endpoint: where the cluster is and how to authenticate. The
 * defaults here are the only ones in Java and equal those of config/application.properties, which
 * the shipped routes pass in as {@code {{teleport.*}}} placeholders.
 */
@UriParams
public class TeleportConfiguration implements Cloneable {

    @UriParam(description = "host:port of the Teleport proxy web port (e.g. example.teleport.sh:443) or of the"
            + " auth service (:3025); 'sandbox' for the built-in sandbox cluster")
    @Metadata(required = true)
    private String address;

    @UriParam(description = "Identity file made by 'tctl auth sign --format=file' or written by tbot")
    private String identityFile;

    @UriParam(defaultValue = "auto", enums = "auto,direct,proxy,proxy-upgrade",
            description = "Connection path to the auth service: auto (decide from the proxy), direct (auth service),"
                    + " proxy (TLS routing), proxy-upgrade (behind an L7 load balancer)")
    private String mode = "auto";

    @UriParam(description = "Extra CA certificate (PEM) trusted for the proxy's own HTTPS, for private proxies")
    private String proxyCaFile;

    @UriParam(defaultValue = "60", description = "Deadline of every gRPC call, in seconds")
    private int callTimeoutSeconds = 60;

    @UriParam(defaultValue = "67108864", description = "Largest gRPC message accepted, in bytes")
    private int maxMessageBytes = 67108864;

    @UriParam(defaultValue = "30", description = "Warn when the identity expires within this many minutes (0: never)")
    private int expiryWarningMinutes = 30;

    @UriParam(label = "advanced", defaultValue = "3",
            description = "Attempts of a call that fails with UNAVAILABLE (1: no retry)")
    private int retryAttempts = 3;

    @UriParam(label = "advanced", defaultValue = "500",
            description = "Delay before the first retry, in milliseconds; grows twofold per retry up to 5 s")
    private long retryBackoffMillis = 500;

    /**
     * Fails with the setting's names (option, property, environment variable) and what is allowed;
     * runs when the endpoint is created, i.e. while the route starts.
     */
    public void validate() {
        connectMode();
        positive("callTimeoutSeconds", "teleport.call-timeout-seconds", callTimeoutSeconds, "seconds");
        positive("maxMessageBytes", "teleport.max-message-bytes", maxMessageBytes, "bytes");
        if (expiryWarningMinutes < 0) {
            throw invalid("expiryWarningMinutes", "teleport.expiry-warning-minutes", expiryWarningMinutes,
                    "must be a number of minutes, 0 or more (0 turns the warning off)");
        }
        positive("retryAttempts", null, retryAttempts, "attempts");
        positive("retryBackoffMillis", null, retryBackoffMillis, "milliseconds");
    }

    private ConnectMode connectMode() {
        try {
            return ConnectMode.parse(mode);
        } catch (IllegalArgumentException unknown) {
            // the message below says all the cause does, with the setting's names
            throw new IllegalArgumentException("Unknown Teleport connect mode '" + mode + "' (endpoint option mode,"
                    + " cluster parameter connectMode, property teleport.connect-mode, env TELEPORT_CONNECT_MODE):"
                    + " use one of " + ConnectMode.allowed());
        }
    }

    private static void positive(String option, String property, long value, String unit) {
        if (value <= 0) {
            throw invalid(option, property, value, "must be a positive number of " + unit);
        }
    }

    /** {@code property} is null for an option that only exists on the endpoint URI. */
    private static IllegalArgumentException invalid(String option, String property, long value, String rule) {
        String names = property == null ? "endpoint option " + option
                : option + " (property " + property + ", env "
                        + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")";
        return new IllegalArgumentException("Invalid Teleport setting " + names + " = " + value + ": " + rule);
    }

    public TeleportSettings toSettings(String resolvedAddress, Path resolvedIdentityFile) {
        validate();
        return new TeleportSettings(resolvedAddress, resolvedIdentityFile, connectMode(),
                blank(proxyCaFile) ? null : Path.of(proxyCaFile), Duration.ofSeconds(callTimeoutSeconds),
                maxMessageBytes, Duration.ofMinutes(expiryWarningMinutes), retryAttempts,
                Duration.ofMillis(retryBackoffMillis));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public TeleportConfiguration copy() {
        try {
            return (TeleportConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getIdentityFile() {
        return identityFile;
    }

    public void setIdentityFile(String identityFile) {
        this.identityFile = identityFile;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getProxyCaFile() {
        return proxyCaFile;
    }

    public void setProxyCaFile(String proxyCaFile) {
        this.proxyCaFile = proxyCaFile;
    }

    public int getCallTimeoutSeconds() {
        return callTimeoutSeconds;
    }

    public void setCallTimeoutSeconds(int callTimeoutSeconds) {
        this.callTimeoutSeconds = callTimeoutSeconds;
    }

    public int getMaxMessageBytes() {
        return maxMessageBytes;
    }

    public void setMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public int getExpiryWarningMinutes() {
        return expiryWarningMinutes;
    }

    public void setExpiryWarningMinutes(int expiryWarningMinutes) {
        this.expiryWarningMinutes = expiryWarningMinutes;
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    public void setRetryAttempts(int retryAttempts) {
        this.retryAttempts = retryAttempts;
    }

    public long getRetryBackoffMillis() {
        return retryBackoffMillis;
    }

    public void setRetryBackoffMillis(long retryBackoffMillis) {
        this.retryBackoffMillis = retryBackoffMillis;
    }
}

package org.teleportj1.teleport;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.teleportj1.teleport.client.ConnectMode;
import org.teleportj1.teleport.client.TeleportSettings;

/** Options of a {@code teleport:} endpoint: where the cluster is and how to authenticate. */
@UriParams
public class TeleportConfiguration implements Cloneable {

    @UriParam(description = "host:port of the Teleport proxy web port (e.g. example.teleport.sh:443) or of the"
            + " auth service (:3025); 'sandbox' for the built-in sandbox cluster")
    @Metadata(required = true)
    private String address;

    @UriParam(description = "Identity file made by 'tctl auth sign --format=file' or written by tbot")
    private String identityFile;

    @UriParam(defaultValue = "auto", enums = "auto,direct,proxy,proxy-upgrade",
            description = "Connection path to the auth service")
    private String mode = "auto";

    @UriParam(description = "Extra CA certificate (PEM) trusted for the proxy's own HTTPS, for private proxies")
    private String proxyCaFile;

    @UriParam(defaultValue = "60", description = "Deadline of every gRPC call, in seconds")
    private int callTimeoutSeconds = 60;

    @UriParam(defaultValue = "67108864", description = "Largest gRPC message accepted, in bytes")
    private int maxMessageBytes = TeleportSettings.DEFAULT_MAX_INBOUND_BYTES;

    @UriParam(defaultValue = "30", description = "Warn when the identity expires within this many minutes")
    private int expiryWarningMinutes = 30;

    public TeleportSettings toSettings(String resolvedAddress, Path resolvedIdentityFile) {
        return new TeleportSettings(resolvedAddress, resolvedIdentityFile, ConnectMode.parse(mode),
                blank(proxyCaFile) ? null : Path.of(proxyCaFile), Duration.ofSeconds(callTimeoutSeconds),
                maxMessageBytes, Duration.ofMinutes(expiryWarningMinutes));
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
}

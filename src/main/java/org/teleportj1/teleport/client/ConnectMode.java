package org.teleportj1.teleport.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the client reaches the Teleport Auth Service. */
public enum ConnectMode {
    /** Decide from the proxy's /webapi/ping and the connection-upgrade probe. */
    AUTO,
    /** Straight to the auth service (e.g. port 3025). */
    DIRECT,
    /** TLS routing on the proxy's web port: ALPN teleport-auth@&lt;hex(cluster)&gt;.teleport.cluster.local, then h2. */
    PROXY,
    /** HTTP connection upgrade on /webapi/connectionupgrade (WebSocket or legacy), for proxies behind an L7 load balancer. */
    PROXY_UPGRADE;

    /** The name used in settings: auto, direct, proxy, proxy-upgrade. */
    public String uriName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The settings' names of every mode, comma-separated. */
    public static String allowed() {
        return Arrays.stream(values()).map(ConnectMode::uriName).collect(Collectors.joining(", "));
    }

    /**
     * A blank value is the default, auto (an empty property means "not set").
     *
     * @throws IllegalArgumentException for anything but one of {@link #allowed()} (case and '_' or '-' aside)
     */
    public static ConnectMode parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (text.isEmpty()) {
            return AUTO;
        }
        for (ConnectMode mode : values()) {
            if (mode.uriName().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown connect mode '" + value + "'; allowed: " + allowed());
    }
}

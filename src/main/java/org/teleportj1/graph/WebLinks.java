package org.teleportj1.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links into the Teleport web UI. Only produced when the proxy address is known and the result is a
 * valid URI: the data-model schemas declare {@code webLink} with {@code format: uri}.
 */
public final class WebLinks {
    private final String base;
    private final int maxLength;

    /**
     * @param proxyAddress e.g. {@code teleport.example.com:443} or {@code https://teleport.example.com/};
     *                     blank or unusable means "no links"
     */
    public WebLinks(String proxyAddress, int maxLength) {
        this.base = baseUrl(proxyAddress);
        this.maxLength = maxLength;
    }

    public String account() {
        return link("/web");
    }

    public String user(String name) {
        return link("/web/users?search=" + encode(name));
    }

    public String role(String name) {
        return link("/web/roles?search=" + encode(name));
    }

    public String accessList(String name) {
        return link("/web/accesslists/" + encode(name));
    }

    public String bot(String name) {
        return link("/web/bots/" + encode(name));
    }

    private String link(String pathAndQuery) {
        if (base == null) {
            return null;
        }
        String url = base + pathAndQuery;
        // a cut link would be a broken (or invalid) URI, so a too-long one is left out
        return url.length() <= maxLength && isUri(url) ? url : null;
    }

    private static String baseUrl(String proxyAddress) {
        if (proxyAddress == null || proxyAddress.isBlank()) {
            return null;
        }
        String host = proxyAddress.strip();
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            host = host.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            host = host.substring("http://".length());
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        String candidate = "https://" + host;
        try {
            URI uri = new URI(candidate);
            if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return candidate;
    }

    private static boolean isUri(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String encode(String part) {
        // URLEncoder writes form encoding; in a path a space must be %20, not +
        return URLEncoder.encode(part == null ? "" : part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.teleportj1.teleport.client;

import java.net.URI;

/** host:port of a proxy or auth service, as written in the address setting. */
record TeleportAddress(String host, int port) {

    static TeleportAddress parse(String value, int defaultPort) {
        if (value == null || value.isBlank()) {
            throw new TeleportException("The Teleport address setting is empty. Set it to the proxy's host:port"
                    + " (e.g. teleport.example.com:443) or the auth service's (e.g. auth.example.com:3025).");
        }
        String text = value.strip();
        if (!text.contains("://")) {
            text = "tcp://" + text;
        }
        try {
            URI uri = URI.create(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return new TeleportAddress(host, uri.getPort() > 0 ? uri.getPort() : defaultPort);
        } catch (IllegalArgumentException e) {
            throw new TeleportException("The Teleport address '" + value + "' is not host:port. Set it to the proxy's"
                    + " host:port (e.g. teleport.example.com:443) or the auth service's (e.g. auth.example.com:3025).", e);
        }
    }

    boolean isIpLiteral() {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

package org.teleportj1.teleport.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** {@code GET https://<proxy>/webapi/ping}: how auto mode learns whether the address is a proxy with TLS routing. */
public final class WebApiPing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024 * 1024;

    private WebApiPing() {
    }

    /**
     * @throws IOException when nothing at the address answers HTTPS with a Teleport ping document
     *                     (an auth service, a wrong port, an untrusted certificate)
     */
    public static ProxyPing fetch(String address, SSLContext webTls, Duration timeout) throws IOException {
        return fetch(TeleportAddress.parse(address, 443), webTls, timeout);
    }

    static ProxyPing fetch(TeleportAddress proxy, SSLContext webTls, Duration timeout) throws IOException {
        try (SSLSocket socket = ProxyTls.connect(proxy, webTls, List.of("http/1.1"), timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /webapi/ping HTTP/1.1\r\nHost: " + proxy + "\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            Http11.Head head = Http11.readHead(in);
            if (head.status() != 200) {
                throw new IOException("GET /webapi/ping answered '" + head.firstLine() + "'");
            }
            JsonNode json = JSON.readTree(Http11.readBody(head, in, MAX_BODY));
            if (json == null || !json.has("proxy")) {
                throw new IOException("GET /webapi/ping did not return a Teleport ping document");
            }
            return new ProxyPing(json.path("cluster_name").asText(""), json.path("server_version").asText(""),
                    json.path("proxy").path("tls_routing_enabled").asBoolean(false));
        }
    }
}

package org.teleportj1.teleport.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

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
        // The JDK client checks the host name and sends SNI even for dot-less names such as "localhost".
        // HTTP/1.1 only: no ALPN h2, which a TLS-routing proxy would take for a gRPC connection.
        HttpClient client = HttpClient.newBuilder().sslContext(webTls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + proxy + "/webapi/ping"))
                .header("Accept", "application/json").timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for GET /webapi/ping", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET /webapi/ping answered HTTP " + response.statusCode());
        }
        if (body.length > MAX_BODY) {
            throw new IOException("GET /webapi/ping returned more than " + MAX_BODY + " bytes");
        }
        JsonNode json = JSON.readTree(body);
        if (json == null || !json.has("proxy")) {
            throw new IOException("GET /webapi/ping did not return a Teleport ping document");
        }
        return new ProxyPing(json.path("cluster_name").asText(""), json.path("server_version").asText(""),
                json.path("proxy").path("tls_routing_enabled").asBoolean(false));
    }
}

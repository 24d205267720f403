package org.teleportj1.jupiterone;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Replaces every message header with exactly the J1 request headers. Clearing first matters:
 * camel-http sends every non-Camel header, and a Quartz trigger adds several.
 * The API key is read from settings at call time so it never appears in a route definition or URI.
 */
public class J1RequestHeaders implements Processor {
    private final J1Settings settings;

    public J1RequestHeaders(J1Settings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        var message = exchange.getMessage();
        Object path = message.getHeader(Exchange.HTTP_PATH);
        Object method = message.getHeader(Exchange.HTTP_METHOD);
        Object encoding = message.getHeader("Content-Encoding");
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_PATH, path == null ? "" : path);
        message.setHeader(Exchange.HTTP_METHOD, method == null ? "POST" : method);
        if (encoding != null) {
            message.setHeader("Content-Encoding", encoding);
        }
        message.setHeader("Authorization", "Bearer " + settings.apiKey());
        message.setHeader("JupiterOne-Account", settings.accountId());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("JupiterOne-Correlation-Id", exchange.getProperty("j1CorrelationId",
                UUID.randomUUID().toString(), String.class));
    }
}

package org.teleportj1.jupiterone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Retry-After in seconds or as an HTTP date, against a fixed clock; capped; removed when absent. */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final RetryAfter retryAfter = new RetryAfter(Duration.ofSeconds(60), NOW);

    @Test
    void readsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), retryAfter.parse("7"));
        assertEquals(Duration.ofSeconds(30), retryAfter.parse("Sun, 01 Mar 2026 12:00:30 GMT"));
        assertEquals(Duration.ZERO, retryAfter.parse("Sun, 01 Mar 2026 11:59:00 GMT"), "a date in the past: now");
        assertEquals(Duration.ZERO, retryAfter.parse("-3"));
        assertNull(retryAfter.parse("soon"));
        assertNull(retryAfter.parse(""));
    }

    @Test
    void setsTheRedeliveryDelayCappedAndClearsItWhenAbsent() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure(Map.of("retry-after", "Sun, 01 Mar 2026 12:05:00 GMT")));
        retryAfter.process(exchange);
        assertEquals(60_000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class), "capped");

        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure(Map.of("Retry-After", "2")));
        retryAfter.process(exchange);
        assertEquals(2_000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class));

        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure(Map.of()));
        retryAfter.process(exchange);
        assertNull(exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY), "an earlier delay does not stick");
    }

    private static HttpOperationFailedException failure(Map<String, String> headers) {
        return new HttpOperationFailedException("http://j1/persister", 429, "Too Many Requests", null, headers, "{}");
    }
}

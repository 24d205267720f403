package org.teleportj1.jupiterone;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Before a redelivery: when J1's answer carried {@code Retry-After} (seconds or an HTTP date), wait
 * that long (capped) instead of the backoff policy's delay. Camel's redelivery reads header
 * {@code CamelRedeliveryDelay}; it is removed when absent so an earlier value does not stick.
 */
public class RetryAfter implements Processor {
    private final Duration cap;
    private final Clock clock;

    public RetryAfter(Duration cap, Clock clock) {
        this.cap = cap;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        Duration wait = failure instanceof HttpOperationFailedException http ? parse(header(http)) : null;
        if (wait == null) {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        } else {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), cap.toMillis()));
        }
    }

    private static String header(HttpOperationFailedException http) {
        Map<String, String> headers = http.getResponseHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if ("Retry-After".equalsIgnoreCase(header.getKey())) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Seconds or an RFC 1123 date; null when absent or unreadable. */
    Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}

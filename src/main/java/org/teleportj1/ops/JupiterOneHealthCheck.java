package org.teleportj1.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * {@code teleport-j1/jupiterone}: J1 answers and accepts the API key ({@link JupiterOneProbe}).
 * The answer is kept for {@link #CACHE} so a scraper polling every few seconds does not turn into
 * a stream of requests to J1. In dry-run mode it is up with detail {@code mode=dry-run}.
 */
public class JupiterOneHealthCheck extends ReadinessCheck {
    static final Duration CACHE = Duration.ofMinutes(1);

    private final JupiterOneProbe probe;
    private final Clock clock;
    private JupiterOneProbe.Answer last;
    private Instant lastAt;

    /** {@code probe} null: dry run, nothing to reach. */
    public JupiterOneHealthCheck(JupiterOneProbe probe, Clock clock) {
        super("jupiterone");
        this.probe = probe;
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (probe == null) {
            builder.up().detail("mode", "dry-run").message("dry run: JupiterOne is not used");
            return;
        }
        JupiterOneProbe.Answer answer = answer();
        builder.detail("mode", "jupiterone");
        builder.detail("apiBaseUrl", probe.settings().apiBaseUrl());
        builder.detail("checkedAt", lastAt.toString());
        builder.detail("httpStatus", answer.status());
        builder.message(answer.message());
        if (answer.ok()) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private synchronized JupiterOneProbe.Answer answer() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(lastAt.plus(CACHE))) {
            last = probe.probe();
            lastAt = now;
        }
        return last;
    }
}

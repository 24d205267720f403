package org.teleportj1.ops;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A health check of this product: in group {@code teleport-j1}, readiness only — restarting the
 * process renews no identity and reaches no J1 that is down.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    ReadinessCheck(String id) {
        super("teleport-j1", id);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}

package org.teleportj1.run;

/**
 * Why a run's graph could not be delivered to J1.
 *
 * @param reason     one line an operator can act on (never a secret)
 * @param httpStatus J1's HTTP status, 0 when there was no answer (network error) or no request
 * @param attempts   requests made for the call that failed last (1 + retries)
 */
public record DeliveryFailure(String reason, int httpStatus, int attempts) {
}

package org.teleportj1.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.teleportj1.jupiterone.J1Settings;

/**
 * Asks J1 whether it accepts the API key without changing anything: a GET of the status of a sync
 * job that does not exist. J1 authenticates the request before it looks the job up, so a valid key
 * and account get "not found" (404, or 400 for an id it does not like) and a wrong one gets
 * 401/403. Starting a job instead would prove more but is a write (and a job left open).
 */
public class JupiterOneProbe {

    /** What J1 said. */
    public enum Verdict { ACCEPTED, REJECTED, UNEXPECTED, UNREACHABLE }

    /** The verdict and a sentence for the operator (never containing the key). */
    public record Answer(Verdict verdict, int status, String message) {
        public boolean ok() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private final J1Settings settings;
    private final HttpClient http;
    private final Duration timeout;

    public JupiterOneProbe(J1Settings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public J1Settings settings() {
        return settings;
    }

    public Answer probe() {
        String base = settings.apiBaseUrl().replaceAll("/+$", "");
        URI uri = URI.create(base + "/persister/synchronization/jobs/teleport-jupiterone-check-" + UUID.randomUUID());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("JupiterOne-Account", settings.accountId())
                .header("Accept", "application/json")
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return new Answer(Verdict.UNREACHABLE, 0, "Cannot reach JupiterOne at " + base + " (" + describe(e)
                    + "). Check J1_API_BASE_URL (https://api.us.jupiterone.io or https://api.eu.jupiterone.io) and"
                    + " that this host may connect to it (proxy, firewall).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Verdict.UNREACHABLE, 0, "Interrupted while asking JupiterOne at " + base);
        }
        if (status == 401 || status == 403) {
            return new Answer(Verdict.REJECTED, status, "JupiterOne at " + base + " rejected the API key for account "
                    + settings.accountId() + " (HTTP " + status + "). Check J1_API_KEY (a key of this account with"
                    + " persister:Synchronize; it may be revoked or expired) and J1_ACCOUNT_ID.");
        }
        if (status == 404 || status == 400 || (status >= 200 && status < 300)) {
            return new Answer(Verdict.ACCEPTED, status, "JupiterOne at " + base + " accepts the API key for account "
                    + settings.accountId());
        }
        return new Answer(Verdict.UNEXPECTED, status, "JupiterOne at " + base + " answered HTTP " + status
                + " to a job-status request; if it persists, check J1_API_BASE_URL and J1's status page.");
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": "
                + root.getMessage();
    }
}

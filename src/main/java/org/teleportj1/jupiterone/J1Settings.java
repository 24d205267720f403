package org.teleportj1.jupiterone;

/**
 * Where and as whom to call the J1 synchronization API.
 *
 * @param apiBaseUrl            region base URL, e.g. https://api.us.jupiterone.io
 * @param apiKey                API key (secret: never logged, never written)
 * @param accountId             J1 account id, sent as JupiterOne-Account
 * @param scope                 scope of {@code source: api} jobs (default scope of the default cluster)
 * @param integrationInstanceId custom integration instance; when set, jobs use {@code integration-external}
 */
public record J1Settings(String apiBaseUrl, String apiKey, String accountId, String scope,
                         String integrationInstanceId) {

    public boolean hasCredentials() {
        return notBlankValue(apiKey) || notBlankValue(accountId);
    }

    public static boolean notBlankValue(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "J1Settings[apiBaseUrl=" + apiBaseUrl + ", apiKey=" + (notBlankValue(apiKey) ? "****" : "")
                + ", accountId=" + accountId + ", scope=" + scope + ", integrationInstanceId=" + integrationInstanceId + "]";
    }
}

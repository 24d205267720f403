package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The effective configuration shows every setting as resolved; secrets only say whether they are set. */
class EffectiveConfigurationTest {

    private static String describe(String... keyValues) {
        CamelContext context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.putAll(ShippedDefaults.defaults());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        context.getPropertiesComponent().setInitialProperties(properties);
        return EffectiveConfiguration.describe(context);
    }

    @Test
    void theApiKeyIsNeverShownOnlyWhetherItIsSet() {
        String shown = describe("j1.api-key", "secret-key-value", "j1.account-id", "acct-1");

        assertFalse(shown.contains("secret-key-value"), shown);
        assertTrue(shown.matches("(?s).*j1\\.api-key +\\(set\\).*"), shown);
        assertTrue(shown.matches("(?s).*j1\\.account-id +acct-1.*"), shown);
        assertTrue(describe().matches("(?s).*j1\\.api-key +\\(unset\\).*"));
    }

    @Test
    void everyShippedSettingIsListedWithItsValue() {
        String shown = describe("j1.upload.parallelism", "9");

        for (String key : ShippedDefaults.keys()) {
            assertTrue(shown.contains("  " + key + " "), key);
        }
        assertTrue(shown.matches("(?s).*j1\\.upload\\.parallelism +9\\b.*"), shown);
        assertTrue(shown.matches("(?s).*teleport\\.address +\\(unset\\).*"), "documented key without default");
    }
}

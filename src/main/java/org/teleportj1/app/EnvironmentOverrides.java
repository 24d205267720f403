package org.teleportj1.app;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Environment variables that override settings: the key in upper case with '.' and '-' turned into
 * '_' ({@code teleport.identity-file} → {@code TELEPORT_IDENTITY_FILE}). Applied here, for every
 * known key, because camel-main maps only {@code CAMEL_*} variables itself, and application.properties
 * won over some of those ({@code CAMEL_MANAGEMENT_PORT} was ignored, the server stayed on 9876).
 * A -D system property of the same key still wins.
 */
final class EnvironmentOverrides {

    private EnvironmentOverrides() {
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The keys among {@code keys} that {@code environment} sets and no system property does. */
    static Map<String, String> of(Iterable<String> keys, Map<String, String> environment, Properties system) {
        Map<String, String> overrides = new TreeMap<>();
        for (String key : keys) {
            String value = environment.get(environmentName(key));
            if (value != null && system.getProperty(key) == null) {
                overrides.put(key, value.trim());
            }
        }
        return overrides;
    }
}

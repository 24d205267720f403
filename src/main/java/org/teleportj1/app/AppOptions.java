package org.teleportj1.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the configuration is, the same for every command: {@code --config FILE} (a properties
 * file read after the shipped defaults), {@code --routes DIR} (cluster route files, replacing the
 * default cluster) and {@code --verbose} (stack traces with errors).
 */
public record AppOptions(Path configFile, Path routesDir, boolean verbose) {
    /** The shipped machinery routes; cluster files come from the default directory or --routes. */
    public static final String MACHINERY_ROUTES = "classpath:routes/*.camel.yaml";
    static final String DEFAULT_CLUSTERS = "classpath:clusters/*.camel.yaml";

    public AppOptions {
        if (routesDir != null && !Files.isDirectory(routesDir)) {
            throw new ConfigurationException("--routes " + routesDir + ": no such directory (it should hold your"
                    + " cluster files, see config/examples/clusters.camel.yaml)");
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ConfigurationException("--config " + configFile + ": no such file (a properties file like"
                    + " config/application.properties)");
        }
    }

    /** No options: the shipped configuration, environment and system properties only. */
    public static AppOptions none() {
        return new AppOptions(null, null, false);
    }

    /** camel.main.routes-include-pattern for --routes; null keeps the configured pattern. */
    String routesIncludePattern() {
        return routesDir == null ? null : MACHINERY_ROUTES + ",file:" + routesDir.toAbsolutePath() + "/*.yaml";
    }
}

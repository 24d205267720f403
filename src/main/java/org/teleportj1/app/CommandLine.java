package org.teleportj1.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line: a command, its arguments, and the two global options that say where
 * the configuration is, accepted before or after the command:
 * {@code --routes DIR} (cluster route files, replacing the default cluster) and
 * {@code --config FILE} (a properties file read after the shipped defaults).
 */
public record CommandLine(String command, List<String> arguments, Path routesDir, Path configFile) {
    /** The shipped machinery routes; cluster files come from the default directory or --routes. */
    static final String MACHINERY_ROUTES = "classpath:routes/*.camel.yaml";
    static final String DEFAULT_CLUSTERS = "classpath:clusters/*.camel.yaml";

    public static CommandLine parse(String... args) {
        String command = null;
        List<String> arguments = new ArrayList<>();
        Path routes = null;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--routes") || option.equals("--config")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.isBlank()) {
                    throw new ConfigurationException(option + " needs a value: " + (option.equals("--routes")
                            ? "a directory of cluster route files (*.yaml)" : "a properties file"));
                }
                if (option.equals("--routes")) {
                    routes = existing(Path.of(value), true, "--routes");
                } else {
                    config = existing(Path.of(value), false, "--config");
                }
            } else if (command == null && !arg.startsWith("--")) {
                command = arg;
            } else {
                arguments.add(arg);
            }
        }
        return new CommandLine(command == null ? "sync" : command, List.copyOf(arguments), routes, config);
    }

    /** camel.main.routes-include-pattern for --routes; null keeps the configured pattern. */
    String routesIncludePattern() {
        return routesDir == null ? null : MACHINERY_ROUTES + ",file:" + routesDir.toAbsolutePath() + "/*.yaml";
    }

    private static Path existing(Path path, boolean directory, String option) {
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new ConfigurationException(option + " " + path + ": no such " + (directory ? "directory" : "file")
                    + (directory ? " (it should hold your cluster files, see config/examples/clusters.camel.yaml)"
                    : " (a properties file like config/application.properties)"));
        }
        return path;
    }
}

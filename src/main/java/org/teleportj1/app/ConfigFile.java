package org.teleportj1.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code --config FILE} properties: they replace the shipped application.properties values,
 * while environment variables and -D system properties still win, as they do over the shipped file.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    /** Every setting of the file. */
    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("--config " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            settings.put(key, properties.getProperty(key).trim());
        }
        return settings;
    }
}

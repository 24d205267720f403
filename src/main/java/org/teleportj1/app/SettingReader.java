package org.teleportj1.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Typed values of settings, each wrong value a {@link ConfigurationException} that names the
 * setting as a user sets it (environment variable and property) and what it may be. No defaults
 * here: application.properties defines every one, so a required key is always there.
 */
final class SettingReader {
    private final PropertiesComponent properties;

    SettingReader(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** {@code J1_UPLOAD_PARALLELISM (j1.upload.parallelism)}. */
    static String name(String key) {
        return EnvironmentOverrides.environmentName(key) + " (" + key + ")";
    }

    /** The value, empty when unset or blank. */
    Optional<String> text(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    String required(String key) {
        return text(key).orElseThrow(() -> new ConfigurationException(name(key) + " is empty: set it, or unset it"
                + " to get the default" + shippedDefault(key) + "."));
    }

    /** A whole number of at least {@code min}. */
    long number(String key, long min) {
        return number(key, min, Long.MAX_VALUE);
    }

    long number(String key, long min, long max) {
        String text = required(key);
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name(key) + " must be a whole number" + bounds(min, max) + ", was '"
                    + text + "'.");
        }
        if (value < min || value > max) {
            throw new ConfigurationException(name(key) + " must be a whole number" + bounds(min, max) + ", was "
                    + value + ".");
        }
        return value;
    }

    boolean bool(String key) {
        String text = required(key);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigurationException(name(key) + " must be true or false, was '" + text + "'.");
        };
    }

    /** One of {@code allowed} (compared without case). */
    String choice(String key, List<String> allowed) {
        String text = required(key);
        return allowed.stream().filter(text::equalsIgnoreCase).findFirst().orElseThrow(() ->
                new ConfigurationException(name(key) + " is '" + text + "': allowed values are "
                        + String.join(", ", allowed) + "."));
    }

    /** A file this user can read, when set. */
    Optional<Path> readableFile(String key, String what) {
        Optional<Path> file = text(key).map(Path::of);
        file.ifPresent(path -> {
            if (!Files.isRegularFile(path)) {
                throw new ConfigurationException(name(key) + " is " + path + ", which does not exist or is not a file:"
                        + " point it to " + what + ", or unset it.");
            }
            if (!Files.isReadable(path)) {
                throw new ConfigurationException(name(key) + " is " + path + ", which this user cannot read: fix its"
                        + " owner or permissions.");
            }
        });
        return file;
    }

    private static String bounds(long min, long max) {
        if (max >= Integer.MAX_VALUE) {
            return " of at least " + min;
        }
        return " from " + min + " to " + max;
    }

    private static String shippedDefault(String key) {
        String value = ShippedDefaults.defaults().get(key);
        return value == null || value.isEmpty() ? "" : " (" + value + ")";
    }
}

package org.teleportj1.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped application.properties (config/ in the source tree, the classpath root in the jar):
 * the one place every setting and its default is defined. A key that has no default is documented
 * there as a commented-out assignment ({@code #teleport.address = example.teleport.sh:443}),
 * because an empty value would hide the route's own fallback.
 */
public final class ShippedDefaults {
    static final String RESOURCE = "application.properties";
    private static final Pattern DOCUMENTED = Pattern.compile("^#([a-z0-9]+(?:\\.[a-z0-9-]+)+)\\s*=.*$");
    private static final String TEXT = read();
    private static final Map<String, String> DEFAULTS = defaults(TEXT);
    private static final Set<String> KEYS = keys(TEXT);

    private ShippedDefaults() {
    }

    /** Every shipped key that has a default, and the default, in file order. */
    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** Every key the file knows, with or without a default, in file order. */
    public static Set<String> keys() {
        return KEYS;
    }

    private static Map<String, String> defaults(String text) {
        Map<String, String> ordered = new LinkedHashMap<>();
        Properties reader = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                ordered.put(key.toString(), value.toString().trim());
                return super.put(key, value);
            }
        };
        try {
            reader.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(ordered);
    }

    private static Set<String> keys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (String line : text.lines().toList()) {
            Matcher documented = DOCUMENTED.matcher(line);
            if (documented.matches()) {
                keys.add(documented.group(1));
            } else {
                String assigned = line.strip();
                int end = assigned.indexOf('=');
                if (!assigned.isEmpty() && !assigned.startsWith("#") && end > 0) {
                    keys.add(assigned.substring(0, end).strip());
                }
            }
        }
        return Collections.unmodifiableSet(keys);
    }

    private static String read() {
        try (InputStream in = ShippedDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped " + RESOURCE, e);
        }
    }
}

package org.teleportj1.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable the README's Configuration table lists is a setting the program
 * reads: it names a key of application.properties, the environment overrides that key, and the
 * default the README gives is the shipped one.
 */
class ReadmeEnvironmentVariablesTest {
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");
    private static final Pattern VALUE = Pattern.compile("`([^`]*)`");

    /** One row of the table: its names (first cell, and any named in the other cells) and defaults. */
    record Row(List<String> names, List<String> listedDefaults, List<String> mentioned) {
    }

    static List<Row> rows() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        List<Row> rows = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            rows.add(new Row(all(NAME, cells[1]), all(VALUE, cells[2]), all(NAME, cells[2] + cells[3])));
        }
        return rows;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String key(String environmentName) {
        return ShippedDefaults.keys().stream()
                .filter(key -> EnvironmentOverrides.environmentName(key).equals(environmentName))
                .findFirst().orElse(null);
    }

    @Test
    void theTableIsRead() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 25, "rows: " + rows.size());
        assertTrue(rows.stream().anyMatch(row -> row.names().equals(List.of("J1_BATCH_MAX_BYTES",
                "J1_BATCH_MAX_OBJECTS"))), "rows with two names: " + rows);
    }

    @Test
    void everyListedVariableNamesAShippedSettingAndItsDefaultIsTheShippedOne() throws IOException {
        for (Row row : rows()) {
            List<String> names = new ArrayList<>(row.names());
            for (String name : names) {
                assertNotNull(key(name), name + " maps to no key of application.properties");
            }
            if (row.listedDefaults().size() == names.size()) {
                for (int i = 0; i < names.size(); i++) {
                    assertEquals(ShippedDefaults.defaults().get(key(names.get(i))), row.listedDefaults().get(i),
                            "README default of " + names.get(i));
                }
            }
        }
    }

    @Test
    void everyVariableTheTableMentionsOverridesItsSetting() throws IOException {
        List<String> names = new ArrayList<>();
        for (Row row : rows()) {
            names.addAll(row.names());
            row.mentioned().stream().filter(name -> key(name) != null).forEach(names::add);
        }
        assertTrue(names.contains("CAMEL_MANAGEMENT_PORT"), "mentioned in the CAMEL_MANAGEMENT_ENABLED row");
        for (String name : names) {
            String key = key(name);
            Map<String, String> overrides = EnvironmentOverrides.of(ShippedDefaults.keys(),
                    Map.of(name, "from-the-environment"), new Properties());
            assertEquals(Map.of(key, "from-the-environment"), overrides, name);
            // as the bootstrap applies them: over the shipped file
            CamelContext context = new DefaultCamelContext();
            Properties shipped = new Properties();
            shipped.putAll(ShippedDefaults.defaults());
            context.getPropertiesComponent().setInitialProperties(shipped);
            Properties override = new Properties();
            override.putAll(overrides);
            context.getPropertiesComponent().setOverrideProperties(override);
            assertEquals("from-the-environment", context.getPropertiesComponent().resolveProperty(key).orElseThrow(),
                    name);
        }
    }

    @Test
    void aSystemPropertyStillBeatsTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("sync.cron", "0 0/5 * * * ?");
        assertFalse(EnvironmentOverrides.of(ShippedDefaults.keys(), Map.of("SYNC_CRON", "0 0 1 * * ?"), system)
                .containsKey("sync.cron"));
    }
}

package org.teleportj1.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.osgi.framework.BundleContext;
import org.teleportj1.app.AppConfiguration;
import org.teleportj1.app.ConfigurationException;
import org.teleportj1.teleport.TeleportComponent;

/**
 * One Camel context of this bundle, built the way the standalone program builds its own: the shipped
 * application.properties under the Config Admin settings (which win), the same beans, the machinery
 * routes from the bundle and the clusters from {@value #CLUSTERS_DIR} (default
 * {@code ${karaf.etc}/teleport-jupiterone}), or the bundle's default cluster when that directory has
 * no cluster file. camel-karaf has no YAML deployer and no camel-main, hence this class.
 */
final class KarafContexts {
    static final String CLUSTERS_DIR = "karaf.clusters-dir";

    private KarafContexts() {
    }

    static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }

    static CamelContext start(BundleContext bundle, Map<String, String> settings) throws Exception {
        OsgiDefaultCamelContext camel = new OsgiDefaultCamelContext(bundle);
        camel.getCamelContextExtension().setName("teleport-jupiterone");
        camel.getPropertiesComponent().setLocation("classpath:application.properties");
        Properties overrides = new Properties();
        overrides.putAll(settings);
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        // by hand: camel-core-osgi registers the META-INF/services components of ACTIVE bundles only,
        // and Config Admin may call while this bundle is still STARTING
        camel.addComponent("teleport", new TeleportComponent());
        try {
            ComponentOptions.apply(camel);
            new AppConfiguration().configure(camel);
            List<Resource> routes = bundleEntries(bundle, "routes");
            routes.addAll(clusters(bundle, clustersDir(settings)));
            // one call: the templates are added before the templated routes that use them
            PluginHelper.getRoutesLoader(camel).loadRoutes(routes);
            camel.start();
            return camel;
        } catch (Exception | Error e) {
            camel.stop();
            throw e;
        }
    }

    static Path clustersDir(Map<String, String> settings) {
        String dir = settings.get(CLUSTERS_DIR);
        return dir == null || dir.isBlank() ? etc().resolve("teleport-jupiterone") : Path.of(dir);
    }

    private static List<Resource> clusters(BundleContext bundle, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigurationException(CLUSTERS_DIR + " = " + dir + " is not a directory; name the directory"
                    + " that holds the cluster files (*.camel.yaml)");
        }
        List<Resource> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path path : paths.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList()) {
                    files.add(ResourceHelper.fromString(path.toString(), Files.readString(path)));
                }
            }
        }
        return files.isEmpty() ? bundleEntries(bundle, "clusters") : files;
    }

    private static List<Resource> bundleEntries(BundleContext bundle, String dir) throws IOException {
        Enumeration<URL> found = bundle.getBundle().findEntries(dir, "*.camel.yaml", false);
        List<Resource> resources = new ArrayList<>();
        for (URL url : found == null ? List.<URL>of() : Collections.list(found)) {
            try (InputStream in = url.openStream()) {
                resources.add(ResourceHelper.fromString(url.getPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        resources.sort((a, b) -> a.getLocation().compareTo(b.getLocation()));
        return resources;
    }
}

package org.teleportj1.karaf;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.teleportj1.app.AppConfiguration;

/**
 * On Karaf there is no camel-main and no YAML deployer: this bundle owns its CamelContext (so
 * classes, the teleport component and the generated gRPC stubs resolve through this bundle), binds
 * the same beans as the standalone program, and loads the same YAML routes: the machinery from the
 * bundle, the clusters from {@code ${karaf.etc}/teleport-jupiterone/*.camel.yaml}, or the default
 * cluster configured by {@code ${karaf.etc}/org.teleportj1.cfg} when that directory is empty.
 */
public class TeleportJupiterOneActivator implements BundleActivator {
    private CamelContext context;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        OsgiDefaultCamelContext camel = new OsgiDefaultCamelContext(bundleContext);
        camel.getCamelContextExtension().setName("teleport-jupiterone");
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        camel.getPropertiesComponent().setLocation("classpath:application.properties;optional=true,file:"
                + etc.resolve("org.teleportj1.cfg") + ";optional=true");
        new AppConfiguration().configure(camel);
        List<Resource> routes = new ArrayList<>();
        for (URL url : entries(bundleContext, "routes")) {
            routes.add(ResourceHelper.fromString(url.getPath(), new String(url.openStream().readAllBytes())));
        }
        List<Resource> clusters = clusterFiles(etc.resolve("teleport-jupiterone"));
        if (clusters.isEmpty()) {
            for (URL url : entries(bundleContext, "clusters")) {
                clusters.add(ResourceHelper.fromString(url.getPath(), new String(url.openStream().readAllBytes())));
            }
        }
        routes.addAll(clusters);
        // one call: templates are added before the templated routes that use them
        PluginHelper.getRoutesLoader(camel).loadRoutes(routes);
        camel.start();
        context = camel;
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    private static List<URL> entries(BundleContext bundleContext, String dir) {
        Enumeration<URL> found = bundleContext.getBundle().findEntries(dir, "*.camel.yaml", false);
        return found == null ? List.of() : Collections.list(found);
    }

    private static List<Resource> clusterFiles(Path dir) throws Exception {
        List<Resource> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> paths = Files.list(dir)) {
                for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    files.add(ResourceHelper.fromString(path.toString(), Files.readString(path)));
                }
            }
        }
        return files;
    }
}

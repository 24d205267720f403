package org.teleportj1.karaf;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ManagedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.app.ConfigurationException;
import org.teleportj1.run.FailureReason;

/**
 * Owns the bundle's one Camel context: each configuration Config Admin hands over (the bundle's
 * start, every save of {@code etc/org.teleportj1.cfg}) stops the running context and starts a new
 * one with the new settings. A bad setting is one error line naming the file; the bundle stays
 * active so that saving a fixed file starts the sync.
 */
final class ConfiguredContext implements ManagedService {
    static final String PID = "org.teleportj1";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredContext.class);

    private final BundleContext bundle;
    private final Path configFile;
    private CamelContext running;

    ConfiguredContext(BundleContext bundle) {
        this.bundle = bundle;
        this.configFile = KarafContexts.etc().resolve(PID + ".cfg");
    }

    @Override
    public synchronized void updated(Dictionary<String, ?> configuration) {
        close();
        Map<String, String> settings = strings(configuration);
        try {
            running = KarafContexts.start(bundle, settings);
            LOG.info("teleport-jupiterone started with {} ({} settings), routes {}", configFile, settings.size(),
                    running.getRoutes().stream().map(route -> route.getRouteId()).sorted().toList());
        } catch (ConfigurationException e) {
            LOG.error("teleport-jupiterone is not syncing: {} (fix it in {}; saving the file restarts the sync)",
                    e.getMessage(), configFile);
        } catch (Exception | LinkageError e) {
            // a LinkageError is a missing or mismatched bundle: name it instead of Config Admin's stack trace
            LOG.error("teleport-jupiterone could not start: {} (settings: {})", FailureReason.of(e), configFile);
            LOG.debug("start-up failure", e);
        }
    }

    synchronized void close() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    /** Config Admin's values as strings, without its bookkeeping entries (service.pid, felix.fileinstall.*). */
    private static Map<String, String> strings(Dictionary<String, ?> configuration) {
        Map<String, String> settings = new TreeMap<>();
        if (configuration != null) {
            for (Enumeration<String> keys = configuration.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                if (!key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")) {
                    settings.put(key, String.valueOf(configuration.get(key)).trim());
                }
            }
        }
        return settings;
    }
}

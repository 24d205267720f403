package org.teleportj1.karaf;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

/**
 * The bundle's entry point on Karaf: it registers the Config Admin service of PID
 * {@value ConfiguredContext#PID} ({@code etc/org.teleportj1.cfg}). Config Admin calls it with the
 * configuration once it is registered and again on every change of that file, and each call
 * (re)starts the Camel context with it (README: Karaf).
 */
public class TeleportJupiterOneActivator implements BundleActivator {
    private ConfiguredContext context;
    private ServiceRegistration<ManagedService> registration;

    @Override
    public void start(BundleContext bundleContext) {
        context = new ConfiguredContext(bundleContext);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, ConfiguredContext.PID);
        registration = bundleContext.registerService(ManagedService.class, context, properties);
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (context != null) {
            context.close();
            context = null;
        }
    }
}

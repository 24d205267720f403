package org.teleportj1.app;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.model.ModelCamelContext;
import org.teleportj1.ops.ConfiguredClusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every command (and the bench) builds and runs the Camel application: the same
 * {@link AppConfiguration}, the same properties in the same order of precedence (shipped
 * application.properties, then {@code --config}, then environment variables, then -D system
 * properties), the same routes ({@code --routes}).
 */
public final class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private Bootstrap() {
    }

    /** The configured, not yet started application. */
    public static Main newMain(AppOptions options) {
        // no main class: it would make camel-main scan this package and bind AppConfiguration twice
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        Map<String, String> file = options.configFile() == null ? Map.of() : ConfigFile.read(options.configFile());
        // override properties beat everything in Camel, so a -D system property is left to Camel
        file.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                main.addOverrideProperty(key, value);
            }
        });
        Set<String> keys = new LinkedHashSet<>(ShippedDefaults.keys());
        keys.addAll(file.keySet());
        EnvironmentOverrides.of(keys, System.getenv(), System.getProperties()).forEach(main::addOverrideProperty);
        if (options.routesIncludePattern() != null) {
            main.addOverrideProperty("camel.main.routes-include-pattern", options.routesIncludePattern());
        }
        return main;
    }

    /**
     * Starts the application without the Quartz schedules, runs {@code work} on the started context
     * and stops; the work's result is the exit code (2 when it finds a configuration error).
     */
    public static int once(AppOptions options, ToIntFunction<CamelContext> work) {
        return once(newMain(options), options, work);
    }

    /**
     * Like {@link #once(AppOptions, ToIntFunction)} for work that reads no Teleport cluster (the
     * dead-letter commands): the clusters' sync routes are left out, so nothing connects to a cluster
     * or starts the sandbox. The delivery routes, and a user's batch-copy routes, run.
     */
    public static int onceWithoutSyncRoutes(AppOptions options, ToIntFunction<CamelContext> work) {
        Main main = newMain(options);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeStart(BaseMainSupport support) {
                // not merely autoStartup=false: Camel still starts a stopped route's producers
                ModelCamelContext model = (ModelCamelContext) support.getCamelContext();
                try {
                    model.removeRouteDefinitions(model.getRouteDefinitions().stream()
                            .filter(route -> ConfiguredClusters.ROUTE_GROUP.equals(route.getGroup())).toList());
                } catch (Exception e) {
                    throw new IllegalStateException("cannot leave out the sync routes: " + e.getMessage(), e);
                }
            }
        });
        return once(main, options, work);
    }

    static int once(Main main, AppOptions options, ToIntFunction<CamelContext> work) {
        main.addOverrideProperty("camel.component.quartz.auto-start-scheduler", "false");
        int[] exitCode = {TeleportJupiterOne.SYNC_FAILED};
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                try {
                    exitCode[0] = work.applyAsInt(support.getCamelContext());
                } catch (ConfigurationException e) {
                    LOG.error("{}", e.getMessage());
                    exitCode[0] = TeleportJupiterOne.CONFIGURATION_ERROR;
                } finally {
                    main.completed();
                }
            }
        });
        return run(main, options, exitCode);
    }

    /** Starts the application with its schedules until it is stopped; {@code started} runs once it is up. */
    static int scheduled(AppOptions options, Consumer<CamelContext> started) {
        Main main = scheduledMain(options);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                started.accept(support.getCamelContext());
            }
        });
        return run(main, options, new int[] {TeleportJupiterOne.OK});
    }

    /** The {@code run} application, not yet started: schedules, leadership and change watching. */
    public static Main scheduledMain(AppOptions options) {
        Main main = newMain(options);
        // only the schedules follow leadership: a one-shot run must not wait for it
        main.configure().addConfiguration(ClusterLeadership.class);
        // one-shot runs never watch
        main.configure().addConfiguration(ChangeWatching.class);
        return main;
    }

    private static int run(Main main, AppOptions options, int[] exitCode) {
        try {
            main.run();
            return exitCode[0];
        } catch (Exception e) {
            return StartupFailure.report(e, options.verbose());
        }
    }
}

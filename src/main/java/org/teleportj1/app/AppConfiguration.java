package org.teleportj1.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.delivery.DryRunOutput;
import org.teleportj1.jupiterone.J1RequestHeaders;
import org.teleportj1.jupiterone.RetryAfter;
import org.teleportj1.jupiterone.SyncJobApi;
import org.teleportj1.sync.CompleteGraph;
import org.teleportj1.sync.FailRun;
import org.teleportj1.sync.FinishRun;
import org.teleportj1.sync.MapPage;
import org.teleportj1.sync.OpenRun;
import org.teleportj1.sync.StartGraph;
import org.teleportj1.sync.SyncSettings;

/** Binds the processors and beans the YAML routes refer to by name, from the checked settings. */
public class AppConfiguration implements CamelConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);


    @Override
    public void configure(CamelContext context) {
        SyncSettings settings = AppSettings.read(context.getPropertiesComponent());
        LOG.info("{}", AppSettings.describe(settings, AppSettings.sandboxByDefault(context.getPropertiesComponent())));
        ObjectMapper json = new ObjectMapper();
        Registry registry = context.getRegistry();
        registry.bind("syncSettings", settings);
        registry.bind("openRun", new OpenRun(settings, json));
        registry.bind("startGraph", new StartGraph());
        registry.bind("mapPage", new MapPage());
        registry.bind("completeGraph", new CompleteGraph());
        registry.bind("finishRun", new FinishRun());
        registry.bind("failRun", new FailRun());
        registry.bind("dryRunOutput", new DryRunOutput(settings.outputDir(), json));
        registry.bind("syncJobApi", new SyncJobApi(json));
        registry.bind("j1RequestHeaders", new J1RequestHeaders(settings.j1()));
        long maxDelay = AppSettings.value(context.getPropertiesComponent(), "j1.retry.max-delay-ms")
                .map(Long::parseLong).orElse(60_000L);
        registry.bind("j1RetryAfter", new RetryAfter(Duration.ofMillis(maxDelay), Clock.systemUTC()));
    }
}

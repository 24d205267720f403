package org.teleportj1.app;

import java.util.Properties;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * The program's Camel context in a test, as camel-main builds it: the shipped routes and
 * application.properties, the beans of AppConfiguration, the settings of {@link #settings} on top,
 * and no Quartz schedule (a test starts its runs itself).
 */
public abstract class AppTestSupport extends CamelMainTestSupport {

    /** The test's settings; CamelTestSupport asks for them from its constructor, so use static fields. */
    protected abstract void settings(Properties properties);

    @Override
    protected final void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(AppConfiguration.class);
    }

    @Override
    protected final Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        settings(properties);
        properties.put("camel.component.quartz.auto-start-scheduler", "false");
        return properties;
    }
}

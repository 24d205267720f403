package org.teleportj1.teleport;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.teleportj1.teleport.client.TeleportConnection;

/**
 * One Teleport resource of one cluster. A producer reads it ({@code to: teleport:users}); the consumer
 * {@code from: teleport:watch} receives the cluster's changes.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "teleport", title = "Teleport", syntax = "teleport:resource",
        category = {Category.RPC, Category.SECURITY}, headersClass = TeleportConstants.class)
public class TeleportEndpoint extends DefaultEndpoint {

    @UriPath(enums = "ping,roles,users,accessLists,accessListMembers,accessListReviews,watch",
            description = "What to read: ping, roles, users, accessLists, accessListMembers or accessListReviews;"
                    + " watch (consumer only): the cluster's changes")
    @Metadata(required = true)
    private final TeleportResource resource;

    @UriParam
    private final TeleportConfiguration configuration;

    public TeleportEndpoint(String uri, TeleportComponent component, TeleportResource resource,
                            TeleportConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
    }

    /** Runs once the options are bound, while the route starts: a bad setting never waits for the first call. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        configuration.validate();
    }

    @Override
    public Producer createProducer() {
        if (resource == TeleportResource.WATCH) {
            throw new UnsupportedOperationException("teleport:watch only consumes; use it with 'from'");
        }
        return new TeleportProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resource != TeleportResource.WATCH) {
            throw new UnsupportedOperationException("teleport:" + resource.uriName() + " only produces; use it with"
                    + " 'to', or 'from: teleport:watch' for the cluster's changes");
        }
        TeleportWatchConsumer consumer = new TeleportWatchConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public TeleportComponent getComponent() {
        return (TeleportComponent) super.getComponent();
    }

    TeleportConnection connection() {
        return getComponent().connection(configuration);
    }

    public TeleportResource getResource() {
        return resource;
    }

    public TeleportConfiguration getConfiguration() {
        return configuration;
    }
}

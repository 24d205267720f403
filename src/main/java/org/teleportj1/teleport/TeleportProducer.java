package org.teleportj1.teleport;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.teleportj1.teleport.client.TeleportClient;
import org.teleportj1.teleport.client.TeleportConnection;

/**
 * Calls Teleport for the endpoint's resource. For a listing the body becomes a lazy iterator of
 * pages (each a {@code List} of protobuf messages): split it with {@code streaming: true} so only
 * one page is in memory at a time. For {@code ping} the body is the PingResponse.
 */
public class TeleportProducer extends DefaultProducer {
    private TeleportConnection connection;

    public TeleportProducer(TeleportEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TeleportEndpoint getEndpoint() {
        return (TeleportEndpoint) super.getEndpoint();
    }

    /** Resolves the cluster and builds its channel while the route starts (see {@link TeleportConnection#open()}). */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().connection();
        connection.open();
    }

    @Override
    public void process(Exchange exchange) {
        TeleportResource resource = getEndpoint().getResource();
        // client() re-reads the identity file if tbot rotated it since the last call
        TeleportClient client = connection.client();
        Object body = switch (resource) {
            case PING -> client.ping();
            case ROLES -> client.roles();
            case USERS -> client.users();
            case ACCESS_LISTS -> client.accessLists();
            case ACCESS_LIST_MEMBERS -> client.accessListMembers();
            case ACCESS_LIST_REVIEWS -> client.accessListReviews();
            case LOCKS -> client.locks();
            case ACCESS_REQUESTS -> client.accessRequests();
            case BOTS -> client.bots();
            case BOT_INSTANCES -> client.botInstances();
            case SSO_CONNECTORS -> client.ssoConnectors();
            case WATCH -> throw new IllegalArgumentException("teleport:watch is a consumer: use it with 'from'");
        };
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(TeleportConstants.RESOURCE, resource.uriName());
        exchange.getMessage().setHeader(TeleportConstants.CLUSTER_NAME, connection.clusterName());
    }
}

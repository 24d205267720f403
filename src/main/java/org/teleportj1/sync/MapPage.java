package org.teleportj1.sync;

import com.google.protobuf.Message;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.graph.GraphBuilder;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;
import org.teleportj1.run.SyncRun;
import org.teleportj1.teleport.TeleportConstants;
import org.teleportj1.teleport.TeleportResource;

/**
 * Body: one page of a Teleport listing (header {@code TeleportResource} says which). Maps it into
 * the run's graph; the body becomes the batches that filled up meanwhile.
 */
public class MapPage implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(MapPage.class);

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        TeleportResource resource = TeleportResource.fromUri(
                exchange.getMessage().getHeader(TeleportConstants.RESOURCE, String.class));
        List<?> page = exchange.getMessage().getBody(List.class);
        GraphBuilder graph = run.graph();
        switch (resource) {
            case ROLES -> graph.roles((List<RoleV6>) page);
            case USERS -> graph.users((List<UserV2>) page);
            case ACCESS_LISTS -> graph.accessLists((List<AccessList>) page);
            case ACCESS_LIST_MEMBERS -> graph.members((List<Member>) page);
            case ACCESS_LIST_REVIEWS -> graph.reviews((List<Review>) page);
            case LOCKS -> graph.locks((List<LockV2>) page);
            case ACCESS_REQUESTS -> graph.accessRequests((List<AccessRequestV3>) page);
            case BOTS -> graph.bots((List<Bot>) page);
            case BOT_INSTANCES -> graph.botInstances((List<BotInstance>) page);
            case SSO_CONNECTORS -> graph.ssoConnectors((List<Message>) page);
            case PING, WATCH -> throw new IllegalArgumentException(resource.uriName() + " has no pages");
        }
        LOG.debug("Cluster '{}': mapped a page of {} {}", run.cluster(), page.size(), resource.uriName());
        run.progress().page(resource.uriName(), page.size());
        exchange.getMessage().setBody(run.batcher().takeReady());
    }
}

package org.teleportj1.teleport.client;

import com.google.protobuf.Message;
import java.util.Iterator;
import java.util.List;
import org.teleportj1.proto.accesslist.v1.AccessList;
import org.teleportj1.proto.accesslist.v1.Member;
import org.teleportj1.proto.accesslist.v1.Review;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.machineid.v1.Bot;
import org.teleportj1.proto.machineid.v1.BotInstance;
import org.teleportj1.proto.types.AccessRequestV3;
import org.teleportj1.proto.types.LockV2;
import org.teleportj1.proto.types.RoleV6;
import org.teleportj1.proto.types.UserV2;

/**
 * Read-only listing of a Teleport cluster. Every listing is a lazy iterator of pages: a page is
 * fetched when the caller asks for it, so a whole cluster is never held in memory.
 */
public interface TeleportClient {
    PingResponse ping();

    Iterator<List<RoleV6>> roles();

    Iterator<List<UserV2>> users();

    Iterator<List<AccessList>> accessLists();

    /** Members of every access list (ListAllAccessListMembers, falling back to per-list calls). */
    Iterator<List<Member>> accessListMembers();

    /** Reviews of every access list (ListAllAccessListReviews, falling back to per-list calls). */
    Iterator<List<Review>> accessListReviews();

    /** Every lock, in force or expired (GetLocks). */
    Iterator<List<LockV2>> locks();

    /** Every access request (ListAccessRequests, falling back to the GetAccessRequestsV2 stream). */
    Iterator<List<AccessRequestV3>> accessRequests();

    /** Every bot (BotService/ListBots). */
    Iterator<List<Bot>> bots();

    /** Every bot instance (ListBotInstancesV2, falling back to ListBotInstances). */
    Iterator<List<BotInstance>> botInstances();

    /** SAML, OIDC and GitHub connectors, without secrets: one page per kind. */
    Iterator<List<Message>> ssoConnectors();

    /**
     * The known server bugs this client has met so far and works around, each with what to upgrade
     * to (for {@code check}); empty for a server without any.
     */
    default List<String> workarounds() {
        return List.of();
    }

    /**
     * Opens a WatchEvents stream for {@code kinds} (Teleport kind names, e.g. {@code user}); events
     * go to {@code listener} until the stream ends or is closed.
     */
    default WatchStream watch(List<String> kinds, WatchListener listener) {
        throw new UnsupportedOperationException("this Teleport client cannot watch");
    }
}

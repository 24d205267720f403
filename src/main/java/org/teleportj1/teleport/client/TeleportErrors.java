package org.teleportj1.teleport.client;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The one place where a failed RPC becomes a message a user can act on: what went wrong, which
 * setting or file is involved, and what to change (docs/teleport-api.md §5).
 */
final class TeleportErrors {
    /** The RBAC rule each RPC needs (docs/teleport-api.md §1.2), keyed by service/method. */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("teleport.users.v1.UsersService/ListUsers", "user"),
            Map.entry("teleport.users.v1.UsersService/GetUser", "user"),
            Map.entry("proto.AuthService/GetUsers", "user"),
            Map.entry("proto.AuthService/ListRoles", "role"),
            Map.entry("proto.AuthService/GetRoles", "role"),
            Map.entry("teleport.accesslist.v1.AccessListService/ListAccessLists", "access_list"),
            Map.entry("teleport.accesslist.v1.AccessListService/ListAccessListMembers", "access_list"),
            Map.entry("teleport.accesslist.v1.AccessListService/ListAllAccessListMembers", "access_list"),
            Map.entry("teleport.accesslist.v1.AccessListService/ListAccessListReviews", "access_list"),
            Map.entry("teleport.accesslist.v1.AccessListService/ListAllAccessListReviews", "access_list"),
            Map.entry("proto.AuthService/GetLocks", "lock"),
            Map.entry("proto.AuthService/ListAccessRequests", "access_request"),
            Map.entry("proto.AuthService/GetAccessRequestsV2", "access_request"),
            Map.entry("teleport.machineid.v1.BotService/ListBots", "bot"),
            Map.entry("teleport.machineid.v1.BotInstanceService/ListBotInstances", "bot_instance"),
            Map.entry("teleport.machineid.v1.BotInstanceService/ListBotInstancesV2", "bot_instance"),
            Map.entry("proto.AuthService/GetSAMLConnectors", "saml"),
            Map.entry("proto.AuthService/GetOIDCConnectors", "oidc"),
            Map.entry("proto.AuthService/GetGithubConnectors", "github"));

    private TeleportErrors() {
    }

    static TeleportException translate(RpcFailure failure, TeleportChannel channel, TeleportSettings settings) {
        Status status = failure.status();
        IdentityFile identity = channel.identity();
        String rpc = failure.method();
        String server = "Teleport at " + channel.address() + " (mode " + channel.mode().uriName() + ")";
        String said = status.getDescription() == null ? status.getCode().toString()
                : status.getCode() + ": " + status.getDescription();
        return switch (status.getCode()) {
            case UNAVAILABLE -> unavailable(failure, channel, settings, server);
            case PERMISSION_DENIED -> {
                String resource = RULES.getOrDefault(rpc, "the listed resource");
                yield new TeleportException(server + " denied " + rpc + " to '" + identity.user() + "' (identity file "
                        + identity.path() + ", roles " + identity.roles() + "): the identity's roles need a rule"
                        + " with verbs list,read on resource " + resource + ". Add to one of its roles: allow.rules:"
                        + " [{resources: [" + resource + "], verbs: [list, read]}] (or sign the identity for a bot"
                        + " or user with such a role). The server said: " + status.getDescription(), failure,
                        TeleportException.Kind.DENIED, resource, rpc);
            }
            case UNAUTHENTICATED -> new TeleportException(server + " did not accept the identity of '" + identity.user()
                    + "' from " + identity.path() + " (" + said + "). The identity may be revoked, locked or issued by"
                    + " another cluster; issue a new one with 'tctl auth sign --format=file'.", failure);
            case DEADLINE_EXCEEDED -> new TeleportException(server + " did not answer " + rpc + " within "
                    + settings.callTimeout() + ". Raise the call timeout setting (large clusters answer slowly) or"
                    + " check the auth service's load.", failure);
            case RESOURCE_EXHAUSTED -> new TeleportException(server + " refused " + rpc + " even with the smallest"
                    + " page (" + said + "). If a single object is larger than the maximum message size ("
                    + settings.maxInboundBytes() + " bytes), raise the max inbound bytes setting; if Teleport is"
                    + " rate-limiting, run the sync less often.", failure);
            case UNIMPLEMENTED -> new TeleportException(server + " does not implement " + rpc + " (" + said + ") and"
                    + " there is no fallback for it. Upgrade the Teleport cluster (14.3 or later is supported, see the"
                    + " README section 'Teleport versions').", failure, TeleportException.Kind.UNIMPLEMENTED, null, rpc);
            default -> new TeleportException(server + " failed " + rpc + " for identity " + identity.path() + ": "
                    + said, failure);
        };
    }

    private static TeleportException unavailable(RpcFailure failure, TeleportChannel channel, TeleportSettings settings,
                                                 String server) {
        IdentityFile identity = channel.identity();
        Throwable untrusted = find(failure, IdentityTrustManager.UntrustedServerException.class);
        if (untrusted != null) {
            return new TeleportException("The server at " + channel.address() + " is not trusted by the identity's CA"
                    + " (cluster '" + identity.clusterName() + "', CAs from " + identity.path() + "): "
                    + rootMessage(untrusted) + ". Check that the address points at this cluster's proxy or auth"
                    + " service; if the cluster's host CA was rotated, issue a new identity file.", failure);
        }
        Throwable unreachable = unreachable(failure);
        if (unreachable != null) {
            return new TeleportException("Cannot reach Teleport at " + channel.address() + " (" + rootMessage(unreachable)
                    + "). Check the address setting: the proxy's host:port (e.g. teleport.example.com:443) or the"
                    + " auth service's (host:3025), and that it is reachable from this host.", failure);
        }
        if (channel.upgradeFailure().isPresent()) {
            return new TeleportException("Cannot reach Teleport through the " + channel.upgradeFailure().get()
                    + ". Check that " + channel.address() + " is the Teleport proxy (behind the load balancer),"
                    + " that the proxy CA file setting trusts its certificate, or try mode 'proxy' or 'direct'.",
                    failure);
        }
        if (channel.mode() == ConnectMode.PROXY || channel.mode() == ConnectMode.PROXY_UPGRADE) {
            return new TeleportException("The Teleport proxy at " + channel.address() + " closed the connection to the"
                    + " auth service (" + describe(failure) + "). The proxy routes on the cluster name '"
                    + identity.clusterName() + "' taken from the issuer of the identity " + identity.path()
                    + " (ALPN " + AlpnRouting.authProtocol(identity.clusterName()) + "): check that the identity"
                    + " belongs to this proxy's cluster and that TLS routing is enabled (proxy_listener_mode:"
                    + " multiplex). Behind an L7 load balancer use mode 'proxy-upgrade'; without TLS routing use mode"
                    + " 'direct' with the auth service address (host:3025).", failure);
        }
        if (find(failure, SSLException.class) != null) {
            return new TeleportException("The TLS handshake with Teleport at " + channel.address() + " failed ("
                    + describe(failure) + "). The auth server may have rejected the identity of '" + identity.user()
                    + "' from " + identity.path() + " (expires " + identity.notAfter() + ", issued by cluster '"
                    + identity.clusterName() + "'): issue a new identity, and check the address is this cluster's.",
                    failure);
        }
        return new TeleportException("Teleport at " + channel.address() + " is unavailable after "
                + settings.retryAttempts() + " attempts (" + describe(failure) + "). Check that the auth service is"
                + " running and reachable, then retry.", failure);
    }

    private static Throwable unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
                return t;
            }
        }
        String description = String.valueOf(((RpcFailure) failure).status().getDescription());
        return description.startsWith("Unable to resolve host") ? failure.getCause() : null;
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(RpcFailure failure) {
        String description = failure.status().getDescription();
        Throwable cause = failure.status().getCause();
        return (description == null ? failure.code().toString() : description)
                + (cause == null ? "" : ": " + rootMessage(cause));
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

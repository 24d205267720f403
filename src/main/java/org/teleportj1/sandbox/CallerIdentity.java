package org.teleportj1.sandbox;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who is calling, as Teleport's auth middleware sees it: the user is the client certificate's
 * subject CN. Services read it for {@code GetUser(current_user)} and Ping's {@code RemoteAddr}.
 */
final class CallerIdentity implements ServerInterceptor {
    static final Context.Key<String> USER = Context.key("teleport-user");
    static final Context.Key<String> REMOTE_ADDRESS = Context.key("remote-address");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        Context context = Context.current()
                .withValue(USER, user(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION)))
                .withValue(REMOTE_ADDRESS, remote == null ? "" : remote.toString().replaceFirst("^/", ""));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static String user(SSLSession session) {
        if (session == null) {
            return "";
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            X500Name subject = X500Name.getInstance(((X509Certificate) chain[0]).getSubjectX500Principal().getEncoded());
            RDN[] names = subject.getRDNs(BCStyle.CN);
            return names.length == 0 ? "" : IETFUtils.valueToString(names[0].getFirst().getValue());
        } catch (SSLPeerUnverifiedException e) {
            return "";
        }
    }
}

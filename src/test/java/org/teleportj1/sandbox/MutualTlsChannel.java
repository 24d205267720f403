package org.teleportj1.sandbox;

import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

/** Client channels as the product builds them: identity key and certificate, identity CAs, authority override. */
final class MutualTlsChannel {
    private MutualTlsChannel() {
    }

    static ManagedChannel open(SandboxCluster cluster) throws Exception {
        return open(cluster, cluster.identityFile());
    }

    static ManagedChannel open(SandboxCluster cluster, Path identityFile) throws Exception {
        IdentityFileContents identity = IdentityFileContents.read(identityFile);
        return open(cluster.port(), identity.key(), identity.certificate(),
                identity.trustedCas().toArray(X509Certificate[]::new));
    }

    static ManagedChannel open(int port, PrivateKey key, X509Certificate certificate, X509Certificate... trusted)
            throws Exception {
        SslContextBuilder tls = GrpcSslContexts.forClient().trustManager(trusted);
        if (key != null) {
            tls.keyManager(key, certificate);
        }
        return channel(port, tls.build());
    }

    private static ManagedChannel channel(int port, SslContext tls) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port)
                .sslContext(tls)
                .overrideAuthority(CertificateAuthority.AUTH_SERVER_NAME)
                .maxInboundMessageSize(64 * 1024 * 1024)
                .build();
    }

    static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}

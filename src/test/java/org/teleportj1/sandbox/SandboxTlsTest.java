package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleportj1.proto.auth.PingRequest;
import org.teleportj1.proto.auth.PingResponse;
import org.teleportj1.proto.users.v1.GetUserRequest;

/** Real mutual TLS on loopback: what an auth server accepts and refuses. */
class SandboxTlsTest {
    @TempDir
    static Path dir;
    static SandboxCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SandboxCluster.start(SandboxOptions.defaults(dir));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void pingAnswersTheClusterNameOverMutualTls() throws Exception {
        ManagedChannel channel = MutualTlsChannel.open(cluster);
        try {
            PingResponse ping = new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance());
            assertEquals("sandbox.teleport.local", ping.getClusterName());
            assertEquals(TeleportVersion.CURRENT.version(), ping.getServerVersion());
            assertTrue(ping.getRemoteAddr().startsWith("127.0.0.1:"), ping.getRemoteAddr());
        } finally {
            MutualTlsChannel.close(channel);
        }
    }

    @Test
    void addressIsLoopbackAndPort() {
        assertEquals("127.0.0.1:" + cluster.port(), cluster.address());
        assertTrue(cluster.port() > 0);
    }

    @Test
    void currentUserIsTheCertificateSubject() throws Exception {
        ManagedChannel channel = MutualTlsChannel.open(cluster);
        try {
            String name = new SandboxReader(channel).users()
                    .getUser(GetUserRequest.newBuilder().setCurrentUser(true).build()).getUser().getMetadata().getName();
            assertEquals(IdentityRequest.READER, name);
        } finally {
            MutualTlsChannel.close(channel);
        }
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        ManagedChannel channel = MutualTlsChannel.open(cluster.port(), null, null, cluster.authority().certificate());
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            MutualTlsChannel.close(channel);
        }
    }

    @Test
    void clientTrustingAnotherCaIsRefused() throws Exception {
        IdentityFileContents identity = IdentityFileContents.read(cluster.identityFile());
        CertificateAuthority stranger = CertificateAuthority.create("other.example.com", KeyType.ECDSA_P256);
        ManagedChannel channel = MutualTlsChannel.open(cluster.port(), identity.key(), identity.certificate(),
                stranger.certificate());
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            MutualTlsChannel.close(channel);
        }
    }

    @Test
    void certificateFromAnotherCaIsRefused() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create(cluster.clusterName(), KeyType.ECDSA_P256);
        IssuedCertificate forged = stranger.issueClient(IdentityRequest.READER, List.of(IdentityRequest.READER),
                KeyType.ECDSA_P256, Instant.now(), Duration.ofHours(1));
        ManagedChannel channel = MutualTlsChannel.open(cluster.port(), forged.keyPair().getPrivate(),
                forged.certificate(), cluster.authority().certificate());
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            MutualTlsChannel.close(channel);
        }
    }

    @Test
    void expiredIdentityIsRefusedAndARenewedOneAccepted() throws Exception {
        IdentityRequest reader = IdentityRequest.reader(KeyType.ECDSA_P256, KeyEncoding.PKCS8, Duration.ofHours(1));
        Path expired = cluster.writeIdentity(dir.resolve("expired/identity"),
                reader.withValidity(Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(1)));
        ManagedChannel stale = MutualTlsChannel.open(cluster, expired);
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> new SandboxReader(stale).auth().ping(PingRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            MutualTlsChannel.close(stale);
        }
        Path renewed = cluster.writeIdentity(expired, reader.withKey(KeyType.RSA_2048, KeyEncoding.PKCS1));
        ManagedChannel fresh = MutualTlsChannel.open(cluster, renewed);
        try {
            assertEquals(cluster.clusterName(),
                    new SandboxReader(fresh).auth().ping(PingRequest.getDefaultInstance()).getClusterName());
        } finally {
            MutualTlsChannel.close(fresh);
        }
    }

    @Test
    void serverCertificateCarriesTheAuthServerName() throws Exception {
        ManagedChannel channel = MutualTlsChannel.open(cluster);
        try {
            // overrideAuthority makes the client verify the name: success proves the SAN is there
            new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance());
        } finally {
            MutualTlsChannel.close(channel);
        }
        X509Certificate server = cluster.authority().issueServer(KeyType.ECDSA_P256, Duration.ofHours(1)).certificate();
        assertTrue(server.getSubjectAlternativeNames().stream()
                .anyMatch(san -> san.get(1).equals(CertificateAuthority.AUTH_SERVER_NAME)));
    }

    @Test
    void closeIsIdempotentAndStopsServing(@TempDir Path other) throws Exception {
        SandboxCluster second = SandboxCluster.start(SandboxOptions.defaults(other)
                .withClientKey(KeyType.RSA_2048, KeyEncoding.PKCS1).withClusterName("legacy.example.com"));
        ManagedChannel channel = MutualTlsChannel.open(second);
        try {
            assertEquals("legacy.example.com",
                    new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()).getClusterName());
            second.close();
            second.close();
            assertTrue(second.isClosed());
            StatusRuntimeException gone = assertThrows(StatusRuntimeException.class,
                    () -> new SandboxReader(channel).auth().ping(PingRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, gone.getStatus().getCode());
        } finally {
            MutualTlsChannel.close(channel);
        }
        assertFalse(cluster.isClosed());
    }
}

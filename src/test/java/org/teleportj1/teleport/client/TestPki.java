package org.teleportj1.teleport.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.teleportj1.sandbox.CertificateAuthority;
import org.teleportj1.sandbox.IdentityFileWriter;
import org.teleportj1.sandbox.IssuedCertificate;
import org.teleportj1.sandbox.KeyEncoding;
import org.teleportj1.sandbox.KeyType;

/** One test cluster's PKI: its CA, an auth server certificate and identity files for clients. */
final class TestPki {
    static final String USER = "bot-jupiterone";
    static final List<String> ROLES = List.of("bot-jupiterone", "inventory-reader");

    final CertificateAuthority ca;
    final IssuedCertificate server;

    private TestPki(CertificateAuthority ca) {
        this.ca = ca;
        this.server = ca.issueServer(KeyType.ECDSA_P256, Duration.ofDays(1));
    }

    static TestPki create(String cluster) {
        return new TestPki(CertificateAuthority.create(cluster, KeyType.ECDSA_P256));
    }

    String cluster() {
        return ca.clusterName();
    }

    IssuedCertificate client(KeyType type) {
        return ca.issueClient(USER, ROLES, type, Instant.now(), Duration.ofHours(1));
    }

    String identityText(IssuedCertificate client, KeyEncoding encoding) {
        return IdentityFileWriter.format(client, encoding, cluster(), List.of(ca.certificate()));
    }

    Path writeIdentity(Path file, IssuedCertificate client, KeyEncoding encoding) {
        return IdentityFileWriter.write(file, identityText(client, encoding));
    }

    /** A fresh ECDSA identity (tbot's default on non-legacy clusters). */
    Path writeIdentity(Path file) {
        return writeIdentity(file, client(KeyType.ECDSA_P256), KeyEncoding.PKCS8);
    }
}

package org.teleportj1.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity file the sandbox writes reads like one from tctl auth sign --format=file. */
class IdentityFileTest {
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
    void defaultIdentityIsAnEcdsaPkcs8ReaderValidForTwelveHours() throws Exception {
        assertEquals(dir.resolve("identity").toAbsolutePath(), cluster.identityFile());
        IdentityFileContents identity = IdentityFileContents.read(cluster.identityFile());
        assertEquals("PRIVATE KEY", identity.keyPemType());
        assertEquals("EC", identity.key().getAlgorithm());
        assertEquals(IdentityRequest.READER, rdn(identity.certificate().getSubjectX500Principal().getEncoded(), BCStyle.CN));
        assertEquals(IdentityRequest.READER, rdn(identity.certificate().getSubjectX500Principal().getEncoded(), BCStyle.O));
        assertEquals(cluster.clusterName(), rdn(identity.certificate().getIssuerX500Principal().getEncoded(), BCStyle.O));
        assertEquals(List.of(cluster.authority().certificate()), identity.trustedCas());
        identity.certificate().verify(cluster.authority().certificate().getPublicKey());
        long hours = Duration.between(identity.certificate().getNotBefore().toInstant(),
                identity.certificate().getNotAfter().toInstant()).toHours();
        assertTrue(hours >= 12 && hours <= 13, "validity hours " + hours);
    }

    @Test
    void fileHasModeSixHundredAndTeleportsLineOrder() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(cluster.identityFile()));
        List<String> lines = Files.readAllLines(cluster.identityFile());
        assertEquals("-----BEGIN PRIVATE KEY-----", lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.matches("^[a-z0-9-]+-cert-v[0-9]{2}@openssh\\.com .*")));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("@cert-authority " + cluster.clusterName())));
    }

    @Test
    void identitiesOfAnyKeyEncodingAndValidity() throws Exception {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        IdentityRequest base = IdentityRequest.reader(KeyType.RSA_2048, KeyEncoding.PKCS1, Duration.ofHours(1));
        record Case(IdentityRequest request, String pemType, String algorithm) { }
        for (Case c : List.of(
                new Case(base, "RSA PRIVATE KEY", "RSA"),
                new Case(base.withKey(KeyType.RSA_2048, KeyEncoding.PKCS8), "PRIVATE KEY", "RSA"),
                new Case(base.withKey(KeyType.ECDSA_P256, KeyEncoding.SEC1), "EC PRIVATE KEY", "EC"),
                new Case(base.withKey(KeyType.ECDSA_P256, KeyEncoding.PKCS8).withValidity(yesterday, Duration.ofHours(2)),
                        "PRIVATE KEY", "EC"))) {
            Path file = cluster.writeIdentity(dir.resolve(c.pemType().replace(' ', '-') + "-" + c.algorithm()), c.request());
            IdentityFileContents identity = IdentityFileContents.read(file);
            assertEquals(c.pemType(), identity.keyPemType());
            assertEquals(c.algorithm(), identity.key().getAlgorithm());
            assertEquals(c.request().notBefore().plus(c.request().validity()).getEpochSecond(),
                    identity.certificate().getNotAfter().toInstant().getEpochSecond());
        }
    }

    @Test
    void otherUsersAndRolesCanBeIssued() throws Exception {
        Path file = cluster.writeIdentity(dir.resolve("bot"), IdentityRequest.reader(KeyType.ECDSA_P256,
                KeyEncoding.PKCS8, Duration.ofHours(1)).withUser("bot-ci", List.of("bot-ci", "access")));
        X500Name subject = X500Name.getInstance(IdentityFileContents.read(file).certificate().getSubjectX500Principal().getEncoded());
        assertEquals("bot-ci", IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()));
        assertEquals(2, subject.getRDNs(BCStyle.O).length);
    }

    @Test
    void incompatibleEncodingsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentityRequest.reader(KeyType.ECDSA_P256, KeyEncoding.PKCS1, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> SandboxOptions.defaults(dir).withClientKey(KeyType.RSA_2048, KeyEncoding.SEC1));
        assertThrows(IllegalArgumentException.class,
                () -> IdentityRequest.reader(KeyType.ECDSA_P256, KeyEncoding.PKCS8, Duration.ZERO));
    }

    private static String rdn(byte[] name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(X500Name.getInstance(name).getRDNs(type)[0].getFirst().getValue());
    }
}

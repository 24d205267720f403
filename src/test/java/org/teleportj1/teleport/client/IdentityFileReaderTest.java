package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.teleportj1.sandbox.IdentityFileWriter;
import org.teleportj1.sandbox.IssuedCertificate;
import org.teleportj1.sandbox.KeyEncoding;
import org.teleportj1.sandbox.KeyType;

class IdentityFileReaderTest {
    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void cluster() {
        pki = TestPki.create("example.teleport.sh");
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048, PKCS1", "RSA_2048, PKCS8", "ECDSA_P256, PKCS8", "ECDSA_P256, SEC1"})
    void loadsEveryKeyTypeAndEncoding(KeyType type, KeyEncoding encoding) {
        IssuedCertificate client = pki.client(type);
        Path file = pki.writeIdentity(dir.resolve("identity"), client, encoding);

        IdentityFile identity = IdentityFileReader.read(file);

        assertEquals("example.teleport.sh", identity.clusterName());
        assertEquals(TestPki.USER, identity.user());
        assertEquals(TestPki.ROLES, identity.roles());
        assertEquals(client.certificate(), identity.certificate());
        assertEquals(List.of(pki.ca.certificate()), identity.trustedCas());
        assertEquals(client.keyPair().getPrivate().getAlgorithm(), identity.privateKey().getAlgorithm());
        assertEquals(client.certificate().getNotAfter().toInstant(), identity.notAfter());
        assertTrue(!identity.toString().contains("BEGIN"), "toString must not carry key material");
    }

    /** Karaf's ssh feature registers BouncyCastle; its "ECDSA" keys once failed the key/certificate check there. */
    @ParameterizedTest
    @CsvSource({"1, ECDSA_P256, SEC1", "1, RSA_2048, PKCS1", "0, ECDSA_P256, PKCS8", "0, RSA_2048, PKCS8"})
    void readsTheSameWithBouncyCastleRegisteredByTheHost(int position, KeyType type, KeyEncoding encoding) {
        IssuedCertificate client = pki.client(type);
        Path file = pki.writeIdentity(dir.resolve("identity"), client, encoding);
        Provider host = new BouncyCastleProvider();
        try {
            if (position > 0) {
                Security.insertProviderAt(host, position);
            } else {
                Security.addProvider(host);
            }
            IdentityFile identity = IdentityFileReader.read(file);
            assertEquals(client.certificate(), identity.certificate());
            assertEquals(client.keyPair().getPrivate().getAlgorithm(), identity.privateKey().getAlgorithm());
        } finally {
            Security.removeProvider(host.getName());
        }
    }

    @Test
    void pkcs8BytesUnderAnRsaLabelStillLoad() throws Exception {
        IssuedCertificate client = pki.client(KeyType.RSA_2048);
        String text = pki.identityText(client, KeyEncoding.PKCS8)
                .replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----")
                .replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----");
        Path file = IdentityFileWriter.write(dir.resolve("identity"), text);

        assertEquals("RSA", IdentityFileReader.read(file).privateKey().getAlgorithm());
    }

    @Test
    void missingFileNamesTheFileAndTheSetting() {
        Path file = dir.resolve("nope");
        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("does not exist"), message);
        assertTrue(message.contains("tctl auth sign"), message);
    }

    @Test
    void wrongKeyIsRefused() {
        IssuedCertificate client = pki.client(KeyType.ECDSA_P256);
        IssuedCertificate other = pki.client(KeyType.ECDSA_P256);
        String text = IdentityFileWriter.format(new IssuedCertificate(client.certificate(), other.keyPair()),
                KeyEncoding.PKCS8, pki.cluster(), List.of(pki.ca.certificate()));
        Path file = IdentityFileWriter.write(dir.resolve("identity"), text);

        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("does not match its TLS certificate"), message);
        assertTrue(message.contains("Issue a new identity"), message);
    }

    @Test
    void truncatedFileIsRefused() {
        String text = pki.identityText(pki.client(KeyType.ECDSA_P256), KeyEncoding.PKCS8);
        Path file = IdentityFileWriter.write(dir.resolve("identity"), text.substring(0, text.length() * 2 / 3));

        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("truncated"), message);
        assertTrue(message.contains("Issue a new identity"), message);
    }

    @Test
    void garbageIsRefused() {
        Path file = IdentityFileWriter.write(dir.resolve("identity"), "{\"kind\":\"not an identity\"}\n");

        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("contains no PEM blocks"), message);
        assertTrue(message.contains("Issue a new identity"), message);
    }

    @Test
    void identityWithoutCasIsRefused() {
        Path file = IdentityFileWriter.write(dir.resolve("identity"),
                IdentityFileWriter.format(pki.client(KeyType.ECDSA_P256), KeyEncoding.PKCS8, pki.cluster(), List.of()));

        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("no trusted CA certificates"), message);
        assertTrue(message.contains("tctl auth sign --format=file"), message);
    }

    @Test
    void hardwareKeyReferenceIsRefused() {
        String text = "-----BEGIN PIV YUBIKEY PRIVATE KEY-----\nAAAA\n-----END PIV YUBIKEY PRIVATE KEY-----\n"
                + IdentityFileWriter.pem(pki.client(KeyType.ECDSA_P256).certificate())
                + IdentityFileWriter.pem(pki.ca.certificate());
        Path file = IdentityFileWriter.write(dir.resolve("identity"), text);

        String message = assertThrows(TeleportException.class, () -> IdentityFileReader.read(file)).getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("hardware key"), message);
    }

    @Test
    void expiredIdentityNamesItsNotAfter() {
        IssuedCertificate client = pki.ca.issueClient(TestPki.USER, TestPki.ROLES, KeyType.ECDSA_P256,
                Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1));
        IdentityFile identity = IdentityFileReader.read(pki.writeIdentity(dir.resolve("identity"), client,
                KeyEncoding.PKCS8));

        String message = assertThrows(TeleportException.class, () -> identity.requireValidAt(Instant.now()))
                .getMessage();
        assertTrue(message.contains("expired at " + identity.notAfter()), message);
        assertTrue(message.contains(identity.path().toString()) && message.contains("tctl auth sign"), message);
    }

    @Test
    void identityNotYetValidIsRefused() {
        IssuedCertificate client = pki.ca.issueClient(TestPki.USER, TestPki.ROLES, KeyType.ECDSA_P256,
                Instant.now().plus(Duration.ofHours(2)), Duration.ofHours(1));
        IdentityFile identity = IdentityFileReader.read(pki.writeIdentity(dir.resolve("identity"), client,
                KeyEncoding.PKCS8));

        String message = assertThrows(TeleportException.class, () -> identity.requireValidAt(Instant.now()))
                .getMessage();
        assertTrue(message.contains("not valid yet") && message.contains(identity.notBefore().toString()), message);
    }

    @Test
    void fingerprintChangesWithContent() throws Exception {
        Path file = pki.writeIdentity(dir.resolve("identity"));
        String before = IdentityFileReader.read(file).fingerprint();
        pki.writeIdentity(file);
        assertTrue(!before.equals(IdentityFileReader.read(file).fingerprint()));
        assertEquals(before.length(), IdentityFileReader.fingerprint(Files.readAllBytes(file)).length());
    }
}

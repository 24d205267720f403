package org.teleportj1.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Writes an identity file in the format of {@code tctl auth sign --format=file}: private key,
 * SSH certificate line, TLS certificate, {@code @cert-authority} lines, trusted TLS CA certificates.
 * The SSH parts are placeholders of the right shape: this product never uses SSH.
 */
public final class IdentityFileWriter {

    private IdentityFileWriter() {
    }

    public static String format(IssuedCertificate client, KeyEncoding encoding, String clusterName,
                                List<X509Certificate> trustedCas) {
        StringBuilder out = new StringBuilder();
        out.append(privateKeyPem(client.keyPair(), encoding));
        out.append("ssh-rsa-cert-v01@openssh.com ")
                .append(Base64.getEncoder().encodeToString(("sandbox-ssh-cert:" + clusterName).getBytes(StandardCharsets.UTF_8)))
                .append('\n');
        out.append(pem(client.certificate()));
        out.append("@cert-authority ").append(clusterName).append(",*.").append(clusterName)
                .append(" ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== type=host\n");
        for (X509Certificate ca : trustedCas) {
            out.append(pem(ca));
        }
        return out.toString();
    }

    /** Writes atomically with mode 0600, as tctl and tbot do. */
    public static Path write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".identity-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, content);
            return Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write identity file " + file, e);
        }
    }

    public static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String privateKeyPem(KeyPair keyPair, KeyEncoding encoding) {
        PrivateKey key = keyPair.getPrivate();
        try {
            return switch (encoding) {
                case PKCS8 -> pem(new JcaPKCS8Generator(key, null).generate());
                case PKCS1 -> {
                    if (!"RSA".equals(key.getAlgorithm())) {
                        throw new IllegalArgumentException("PKCS#1 holds RSA keys only");
                    }
                    byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
                    yield pem(new PemObject("RSA PRIVATE KEY", pkcs1));
                }
                case SEC1 -> {
                    if (!(key instanceof ECPrivateKey ec)) {
                        throw new IllegalArgumentException("SEC1 holds EC keys only");
                    }
                    // The JDK's PKCS#8 body omits the curve and public key; OpenSSL's (and Go's)
                    // SEC1 readers need the curve, so the structure is built in full here.
                    SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
                    byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(),
                            ec.getS(), publicKey.getPublicKeyData(), publicKey.getAlgorithm().getParameters()).getEncoded();
                    yield pem(new PemObject("EC PRIVATE KEY", sec1));
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.teleportj1.teleport.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Teleport's identity-file format (docs/teleport-api.md §3): the first PEM block is the private
 * key, the second the TLS certificate, every later PEM block a trusted CA; the SSH certificate
 * line and {@code @cert-authority} lines are skipped. Each way the file can be unusable gets its
 * own message naming the file and the fix.
 */
public final class IdentityFileReader {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityFileReader.class);
    private static final Pattern SSH_CERT = Pattern.compile("^[a-z0-9-]+-cert-v[0-9]{2}@openssh\\.com$");
    private static final String HARDWARE_KEY = "PIV YUBIKEY PRIVATE KEY";
    private static final String REISSUE = "Issue a new identity with 'tctl auth sign --format=file --user=<bot-or-user>"
            + " --out=<file>' (or point the setting at tbot's 'identity' output)";

    private IdentityFileReader() {
    }

    public static IdentityFile read(Path file) {
        byte[] content = readBytes(file);
        warnIfShared(file);
        return parse(file, content);
    }

    /** SHA-256 of the file's bytes; how a connection notices that tbot rotated the identity. */
    static String fingerprint(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TeleportException("The Teleport identity file " + file + " does not exist. Check the identity-file"
                    + " setting, or create it: " + REISSUE + ".", e);
        } catch (AccessDeniedException e) {
            throw new TeleportException("The Teleport identity file " + file + " cannot be read by this process (permission"
                    + " denied). Let the service user read it (tbot: add it to the output's readers/ACL).", e);
        } catch (IOException e) {
            throw new TeleportException("The Teleport identity file " + file + " cannot be read: " + e.getMessage()
                    + ". Check the identity-file setting.", e);
        }
    }

    static IdentityFile parse(Path file, byte[] content) {
        List<PemBlock> blocks = pemBlocks(file, new String(content, StandardCharsets.UTF_8));
        if (blocks.isEmpty()) {
            throw new TeleportException("The file " + file + " is not a Teleport identity file: it contains no PEM blocks"
                    + " (expected a private key, a certificate and CA certificates). " + REISSUE + ".");
        }
        PemBlock keyBlock = blocks.get(0);
        if (HARDWARE_KEY.equals(keyBlock.label())) {
            throw new TeleportException("The Teleport identity file " + file + " refers to a hardware key (YubiKey PIV)"
                    + " instead of holding a private key; it cannot be used by an unattended service. " + REISSUE
                    + " for a bot or user without hardware-key enforcement.");
        }
        PrivateKey key = privateKey(file, keyBlock);
        if (blocks.size() < 2 || !"CERTIFICATE".equals(blocks.get(1).label())) {
            throw new TeleportException("The Teleport identity file " + file + " has no TLS certificate after its"
                    + " private key. " + REISSUE + ".");
        }
        X509Certificate certificate = certificate(file, blocks.get(1), "TLS certificate");
        List<X509Certificate> cas = new ArrayList<>();
        for (PemBlock block : blocks.subList(2, blocks.size())) {
            if ("CERTIFICATE".equals(block.label())) {
                cas.add(certificate(file, block, "trusted CA certificate"));
            } else {
                LOG.warn("Ignoring an unexpected '{}' block in the identity file {}", block.label(), file);
            }
        }
        if (cas.isEmpty()) {
            throw new TeleportException("The Teleport identity file " + file + " contains no trusted CA certificates, so"
                    + " the auth server cannot be verified. Files written by 'tctl auth sign --format=file' and tbot"
                    + " include them: " + REISSUE + " (not --format=tls or a file without the CAs).");
        }
        requireMatchingKey(file, key, certificate);
        X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> clusterNames = values(issuer, BCStyle.O);
        List<String> users = values(subject, BCStyle.CN);
        if (clusterNames.isEmpty() || users.isEmpty()) {
            throw new TeleportException("The certificate in " + file + " was not issued by a Teleport cluster (its issuer"
                    + " has no Organization or its subject no Common Name). " + REISSUE + ".");
        }
        return new IdentityFile(file, fingerprint(content), key, certificate, cas, clusterNames.get(0), users.get(0),
                values(subject, BCStyle.O));
    }

    private static List<String> values(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs(type)) {
            values.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return values;
    }

    private record PemBlock(String label, String base64) {
    }

    /** Splits into PEM blocks; lines outside blocks (SSH certificate, @cert-authority, blanks) are skipped. */
    private static List<PemBlock> pemBlocks(Path file, String text) {
        List<PemBlock> blocks = new ArrayList<>();
        String label = null;
        StringBuilder body = new StringBuilder();
        for (String raw : text.split("\\r?\\n")) {
            String line = raw.strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
                    label = line.substring("-----BEGIN ".length(), line.length() - 5);
                    body.setLength(0);
                } else if (!line.isEmpty() && !line.startsWith("@cert-authority")
                        && !SSH_CERT.matcher(line.split("\\s+")[0]).matches()) {
                    LOG.debug("Skipping a non-PEM line in the identity file {}", file);
                }
            } else if (line.startsWith("-----END ")) {
                blocks.add(new PemBlock(label, body.toString()));
                label = null;
            } else if (line.startsWith("-----BEGIN ")) {
                throw truncated(file, label);
            } else if (!line.contains(":")) { // RFC 1421 headers such as Proc-Type are not base64
                body.append(line);
            } else if (line.startsWith("Proc-Type") && line.contains("ENCRYPTED")) {
                throw encrypted(file);
            }
        }
        if (label != null) {
            throw truncated(file, label);
        }
        return blocks;
    }

    private static TeleportException truncated(Path file, String label) {
        return new TeleportException("The Teleport identity file " + file + " is truncated or corrupted: the '" + label
                + "' PEM block has no END line. It may have been copied partially or read while being written. "
                + REISSUE + ".");
    }

    private static TeleportException encrypted(Path file) {
        return new TeleportException("The private key in the Teleport identity file " + file + " is encrypted with a"
                + " passphrase; an unattended service cannot unlock it. " + REISSUE + ".");
    }

    private static byte[] decode(Path file, PemBlock block) {
        try {
            return Base64.getMimeDecoder().decode(block.base64());
        } catch (IllegalArgumentException e) {
            throw new TeleportException("The Teleport identity file " + file + " is corrupted: the '" + block.label()
                    + "' PEM block is not valid base64. " + REISSUE + ".", e);
        }
    }

    /** PKCS#8, then PKCS#1 (RSA), then SEC1 (EC), whatever the label says — as Teleport's own parser does. */
    private static PrivateKey privateKey(Path file, PemBlock block) {
        if ("ENCRYPTED PRIVATE KEY".equals(block.label())) {
            throw encrypted(file);
        }
        if (!block.label().endsWith("PRIVATE KEY")) {
            throw new TeleportException("The Teleport identity file " + file + " must start with the private key, but its"
                    + " first PEM block is a '" + block.label() + "'. " + REISSUE + ".");
        }
        byte[] der = decode(file, block);
        Exception last = null;
        for (KeyDecoder decoder : List.<KeyDecoder>of(IdentityFileReader::pkcs8, IdentityFileReader::pkcs1,
                IdentityFileReader::sec1)) {
            try {
                PrivateKeyInfo info = decoder.decode(der);
                if (info != null) {
                    return jdkKey(info);
                }
            } catch (Exception notThisEncoding) {
                last = notThisEncoding; // try the next encoding
            }
        }
        throw new TeleportException("The private key in the Teleport identity file " + file + " is neither PKCS#8,"
                + " PKCS#1 RSA nor SEC1 EC, or it is damaged" + (last == null ? "" : " (" + last + ")") + ". "
                + REISSUE + ".", last);
    }

    /**
     * BouncyCastle only parses the encodings; the key object comes from the JDK's own KeyFactory under
     * the standard name, so it is the same whatever providers the host registered (Karaf's ssh
     * feature registers a BouncyCastle whose EC keys call themselves "ECDSA").
     */
    private static PrivateKey jdkKey(PrivateKeyInfo info) throws IOException, GeneralSecurityException {
        var algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String name = PKCSObjectIdentifiers.rsaEncryption.equals(algorithm) ? "RSA"
                : X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) ? "EC" : algorithm.getId();
        return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    }

    private interface KeyDecoder {
        PrivateKeyInfo decode(byte[] der) throws Exception;
    }

    private static PrivateKeyInfo pkcs8(byte[] der) throws IOException {
        return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    }

    private static PrivateKeyInfo pkcs1(byte[] der) throws IOException {
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(ASN1Sequence.fromByteArray(der));
        return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa);
    }

    private static PrivateKeyInfo sec1(byte[] der) throws IOException {
        ECPrivateKey ec = ECPrivateKey.getInstance(ASN1Sequence.fromByteArray(der));
        // RFC 5915 requires the curve, but keys re-wrapped from a JDK PKCS#8 encoding omit it. Teleport
        // identity keys are always P-256, and the key/certificate match check catches a wrong guess.
        var curve = ec.getParametersObject() != null ? ec.getParametersObject().toASN1Primitive()
                : SECObjectIdentifiers.secp256r1;
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
    }

    private static X509Certificate certificate(Path file, PemBlock block, String what) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(decode(file, block)));
        } catch (GeneralSecurityException e) {
            throw new TeleportException("The " + what + " in the Teleport identity file " + file + " cannot be parsed ("
                    + e.getMessage() + "). " + REISSUE + ".", e);
        }
    }

    /**
     * Sign and verify a nonce: works for RSA and EC alike and proves the key belongs to the certificate.
     * The algorithm follows the certificate: a key of another type fails initSign, and says why.
     */
    private static void requireMatchingKey(Path file, PrivateKey key, X509Certificate certificate) {
        GeneralSecurityException failure = null;
        boolean matches;
        try {
            String algorithm = "RSA".equals(certificate.getPublicKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(nonce);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            failure = e;
            matches = false;
        }
        if (!matches) {
            throw new TeleportException("The private key in the Teleport identity file " + file + " does not match its"
                    + " TLS certificate (subject " + certificate.getSubjectX500Principal().getName()
                    + (failure == null ? "" : "; " + failure) + "). The file was probably assembled from different"
                    + " issuances. " + REISSUE + ".", failure);
        }
    }

    /** Teleport writes identity files with mode 0600; anything wider leaks a credential. */
    private static void warnIfShared(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("The Teleport identity file {} is readable by group or others; it is a credential."
                        + " Restrict it with 'chmod 600 {}'.", file, file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot read the permissions of {}: {}", file, e.toString());
        }
    }
}

package org.teleportj1.sandbox;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority shaped like a Teleport cluster CA: its subject carries the cluster name
 * as Organization, which is how clients derive the cluster name from an identity's issuer.
 * Used by the sandbox cluster and by tests; never by the production client path.
 */
public final class CertificateAuthority {
    /** Every Teleport auth server certificate carries this DNS name; clients verify against it. */
    public static final String AUTH_SERVER_NAME = "teleport.cluster.local";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clusterName;
    private final KeyType keyType;
    private final IssuedCertificate root;

    private CertificateAuthority(String clusterName, KeyType keyType, IssuedCertificate root) {
        this.clusterName = clusterName;
        this.keyType = keyType;
        this.root = root;
    }

    /** A new self-signed CA for {@code clusterName}, valid for a year. */
    public static CertificateAuthority create(String clusterName, KeyType keyType) {
        KeyPair keyPair = keyType.generate();
        X500Name subject = name(clusterName, clusterName);
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(365))),
                    subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return new CertificateAuthority(clusterName, keyType,
                    new IssuedCertificate(sign(builder, keyPair, keyType), keyPair));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the CA of " + clusterName, e);
        }
    }

    public String clusterName() {
        return clusterName;
    }

    public X509Certificate certificate() {
        return root.certificate();
    }

    /** A server certificate for the auth service: SANs teleport.cluster.local, localhost and 127.0.0.1. */
    public IssuedCertificate issueServer(KeyType type, Duration validity) {
        return issue(name(AUTH_SERVER_NAME, clusterName), type, Instant.now(), validity, true, List.of());
    }

    /**
     * A client (user or bot) certificate as {@code tctl auth sign} makes it: subject CN = user,
     * O = roles, issuer O = cluster name.
     */
    public IssuedCertificate issueClient(String user, List<String> roles, KeyType type, Instant notBefore,
                                         Duration validity) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user);
        for (String role : roles) {
            subject.addRDN(BCStyle.O, role);
        }
        return issue(subject.build(), type, notBefore, validity, false, roles);
    }

    private IssuedCertificate issue(X500Name subject, KeyType type, Instant notBefore, Duration validity,
                                    boolean server, List<String> roles) {
        KeyPair keyPair = type.generate();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate(), serial(),
                    Date.from(notBefore.minus(Duration.ofMinutes(1))), Date.from(notBefore.plus(validity)),
                    subject, keyPair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (type == KeyType.RSA_2048 ? KeyUsage.keyEncipherment : 0);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(server
                    ? new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}
                    : new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}));
            if (server) {
                List<GeneralName> names = new ArrayList<>();
                names.add(new GeneralName(GeneralName.dNSName, AUTH_SERVER_NAME));
                names.add(new GeneralName(GeneralName.dNSName, "localhost"));
                names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new IssuedCertificate(sign(builder, root.keyPair(), keyType), keyPair);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer, KeyType signerType)
            throws Exception {
        var contentSigner = new JcaContentSignerBuilder(signerType.signatureAlgorithm()).setProvider(BouncyCastle.PROVIDER).build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static X500Name name(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }
}

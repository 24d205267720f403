package org.teleportj1.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * An identity file read the way Teleport's decoder reads it: first PEM block the key, second the
 * TLS certificate, the rest trusted CAs. Test-side, independent of the writer.
 */
record IdentityFileContents(String keyPemType, PrivateKey key, X509Certificate certificate,
                            List<X509Certificate> trustedCas, List<String> otherLines) {

    static IdentityFileContents read(Path file) throws IOException, CertificateException {
        String text = Files.readString(file);
        List<String> pemTypes = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                pemTypes.add(object.getType());
            }
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        }
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        Object first = objects.get(0);
        PrivateKey key = first instanceof PEMKeyPair pair ? keys.getKeyPair(pair).getPrivate()
                : keys.getPrivateKey((PrivateKeyInfo) first);
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        X509Certificate certificate = certs.getCertificate((X509CertificateHolder) objects.get(1));
        List<X509Certificate> cas = new ArrayList<>();
        for (Object object : objects.subList(2, objects.size())) {
            cas.add(certs.getCertificate((X509CertificateHolder) object));
        }
        List<String> other = text.lines().filter(line -> !line.startsWith("-----") && line.contains(" ")).toList();
        return new IdentityFileContents(pemTypes.get(0), key, certificate, cas, other);
    }
}

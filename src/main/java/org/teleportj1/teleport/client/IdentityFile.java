package org.teleportj1.teleport.client;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A parsed Teleport identity file: the TLS key pair and the cluster's host CA certificates.
 * The SSH parts of the file are not kept: this client never speaks SSH.
 *
 * @param path        where it was read from (for messages)
 * @param fingerprint SHA-256 of the file content, to notice a rotated file
 * @param privateKey  the identity's key; never logged
 * @param certificate the TLS leaf certificate (issued by the cluster's user CA)
 * @param trustedCas  the cluster's host CA certificates: the only roots trusted for the auth server
 * @param clusterName Organization of the certificate issuer
 * @param user        Common name of the certificate subject
 * @param roles       Organizations of the certificate subject
 */
public record IdentityFile(Path path, String fingerprint, PrivateKey privateKey, X509Certificate certificate,
                           List<X509Certificate> trustedCas, String clusterName, String user, List<String> roles) {

    public IdentityFile {
        trustedCas = List.copyOf(trustedCas);
        roles = List.copyOf(roles);
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public boolean expiresWithin(Duration horizon, Instant now) {
        return notAfter().isBefore(now.plus(horizon));
    }

    /** Fails with an actionable message when the certificate is not valid at {@code now}. */
    public void requireValidAt(Instant now) {
        if (now.isAfter(notAfter())) {
            throw new TeleportException("The Teleport identity file " + path + " expired at " + notAfter()
                    + " (NotAfter of the certificate of user '" + user + "'). Issue a new one with"
                    + " 'tctl auth sign --format=file --user=" + user + " --out=" + path + "', or check that tbot"
                    + " is running and renewing it.");
        }
        if (now.isBefore(notBefore())) {
            throw new TeleportException("The Teleport identity file " + path + " is not valid yet: its certificate"
                    + " starts at " + notBefore() + " (NotBefore). Check this machine's clock (it reads " + now
                    + ") or wait until then.");
        }
    }

    /** Key material stays out of logs. */
    @Override
    public String toString() {
        return "IdentityFile[" + path + ", user=" + user + ", cluster=" + clusterName + ", notAfter=" + notAfter()
                + ", cas=" + trustedCas.size() + "]";
    }
}

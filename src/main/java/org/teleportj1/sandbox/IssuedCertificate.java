package org.teleportj1.sandbox;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A certificate and the key pair it was issued for. */
public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {
}

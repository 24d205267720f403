package org.teleportj1.sandbox;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms Teleport's signature-algorithm suites use for TLS identities. */
public enum KeyType {
    /** suite "legacy". */
    RSA_2048,
    /** suites "balanced-v1", "fips-v1", "hsm-v1". */
    ECDSA_P256;

    public KeyPair generate() {
        try {
            if (this == RSA_2048) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + this + " key: " + e, e);
        }
    }

    String signatureAlgorithm() {
        return this == RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
    }
}

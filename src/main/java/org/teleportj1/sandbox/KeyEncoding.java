package org.teleportj1.sandbox;

/** PEM encodings of a private key found in identity files. */
public enum KeyEncoding {
    /** "RSA PRIVATE KEY": what Teleport writes for RSA keys. */
    PKCS1,
    /** "PRIVATE KEY": what Teleport writes for ECDSA keys; also valid for RSA. */
    PKCS8,
    /** "EC PRIVATE KEY": OpenSSL's traditional EC form. */
    SEC1;

    /** Fails up front, with the reason, when this encoding cannot hold a key of {@code type}. */
    public void requireCompatible(KeyType type) {
        if (this == PKCS1 && type != KeyType.RSA_2048) {
            throw new IllegalArgumentException("PKCS1 (RSA PRIVATE KEY) holds RSA keys only, not " + type);
        }
        if (this == SEC1 && type != KeyType.ECDSA_P256) {
            throw new IllegalArgumentException("SEC1 (EC PRIVATE KEY) holds EC keys only, not " + type);
        }
    }
}

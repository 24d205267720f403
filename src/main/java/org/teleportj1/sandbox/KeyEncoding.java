package org.teleportj1.sandbox;

/** PEM encodings of a private key found in identity files. */
public enum KeyEncoding {
    /** "RSA PRIVATE KEY": what Teleport writes for RSA keys. */
    PKCS1,
    /** "PRIVATE KEY": what Teleport writes for ECDSA keys; also valid for RSA. */
    PKCS8,
    /** "EC PRIVATE KEY": OpenSSL's traditional EC form. */
    SEC1
}

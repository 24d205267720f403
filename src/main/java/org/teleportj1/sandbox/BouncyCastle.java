package org.teleportj1.sandbox;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider instance the sandbox signs its certificates with, passed explicitly
 * and never registered: which providers a JVM has registered, in which order and version, is the
 * host's choice (Karaf's ssh feature registers a BouncyCastle of its own).
 */
final class BouncyCastle {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}

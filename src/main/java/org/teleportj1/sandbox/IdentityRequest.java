package org.teleportj1.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A client identity to issue, as {@code tctl auth sign --format=file} would for a user.
 *
 * @param user      certificate subject CN
 * @param roles     certificate subject O values
 * @param keyType   key algorithm (the cluster suite's choice)
 * @param encoding  PEM encoding of the private key
 * @param notBefore start of validity (past values make already-expired identities)
 * @param validity  length of validity
 */
public record IdentityRequest(String user, List<String> roles, KeyType keyType, KeyEncoding encoding,
                              Instant notBefore, Duration validity) {

    /** The identity the sandbox writes at start for the product to use. */
    public static final String READER = "jupiterone-reader";

    public IdentityRequest {
        roles = List.copyOf(roles);
        encoding.requireCompatible(keyType);
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("identity validity must be positive, not " + validity);
        }
    }

    /** {@value #READER} with role {@value #READER}, valid from now. */
    public static IdentityRequest reader(KeyType keyType, KeyEncoding encoding, Duration validity) {
        return new IdentityRequest(READER, List.of(READER), keyType, encoding, Instant.now(), validity);
    }

    public IdentityRequest withValidity(Instant from, Duration length) {
        return new IdentityRequest(user, roles, keyType, encoding, from, length);
    }

    public IdentityRequest withKey(KeyType type, KeyEncoding pemEncoding) {
        return new IdentityRequest(user, roles, type, pemEncoding, notBefore, validity);
    }

    public IdentityRequest withUser(String name, List<String> userRoles) {
        return new IdentityRequest(name, userRoles, keyType, encoding, notBefore, validity);
    }
}

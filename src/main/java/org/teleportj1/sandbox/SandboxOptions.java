package org.teleportj1.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a sandbox cluster.
 *
 * @param port              port to listen on (loopback), 0 for any free port
 * @param workDir           where the identity file {@code identity} is written
 * @param clusterName       the cluster name (CA organisation, Ping answer)
 * @param size              how much data to serve
 * @param clientKeyType     key algorithm of the CA and identities; ECDSA P-256 is Teleport 17+'s
 *                          balanced-v1 suite, RSA 2048 the legacy suite
 * @param clientKeyEncoding PEM encoding of the identity's key
 * @param clientValidity    validity of the identity written at start
 * @param behaviour         fault injection and server generation
 */
public record SandboxOptions(int port, Path workDir, String clusterName, SandboxSize size, KeyType clientKeyType,
                             KeyEncoding clientKeyEncoding, Duration clientValidity, SandboxBehaviour behaviour) {

    public static final String DEFAULT_CLUSTER_NAME = "sandbox.teleport.local";
    /** Teleport's auth service port. */
    public static final int DEFAULT_PORT = 3025;
    /** tctl auth sign's default TTL. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        Objects.requireNonNull(workDir, "workDir");
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster name must not be blank");
        }
        Objects.requireNonNull(size, "size");
        clientKeyEncoding.requireCompatible(clientKeyType);
        if (clientValidity.isNegative() || clientValidity.isZero()) {
            throw new IllegalArgumentException("identity validity must be positive, not " + clientValidity);
        }
        Objects.requireNonNull(behaviour, "behaviour");
    }

    /** Kept for callers of the first contract: any port, {@code users} users, benchmark proportions. */
    public SandboxOptions(int port, Path workDir, int users) {
        this(port, workDir, DEFAULT_CLUSTER_NAME, SandboxSize.scaled(users), KeyType.ECDSA_P256, KeyEncoding.PKCS8,
                DEFAULT_VALIDITY, SandboxBehaviour.normal());
    }

    /** Any free port, demo data only, ECDSA P-256 in PKCS#8, 12 h identity, no faults. */
    public static SandboxOptions defaults(Path workDir) {
        return new SandboxOptions(0, workDir, 0);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, workDir, clusterName, size, clientKeyType, clientKeyEncoding,
                clientValidity, behaviour);
    }

    public SandboxOptions withClusterName(String name) {
        return new SandboxOptions(port, workDir, name, size, clientKeyType, clientKeyEncoding, clientValidity,
                behaviour);
    }

    public SandboxOptions withSize(SandboxSize newSize) {
        return new SandboxOptions(port, workDir, clusterName, newSize, clientKeyType, clientKeyEncoding,
                clientValidity, behaviour);
    }

    public SandboxOptions withUsers(int users) {
        return withSize(SandboxSize.scaled(users));
    }

    public SandboxOptions withClientKey(KeyType type, KeyEncoding encoding) {
        return new SandboxOptions(port, workDir, clusterName, size, type, encoding, clientValidity, behaviour);
    }

    public SandboxOptions withClientValidity(Duration validity) {
        return new SandboxOptions(port, workDir, clusterName, size, clientKeyType, clientKeyEncoding, validity,
                behaviour);
    }

    public SandboxOptions withBehaviour(SandboxBehaviour newBehaviour) {
        return new SandboxOptions(port, workDir, clusterName, size, clientKeyType, clientKeyEncoding,
                clientValidity, newBehaviour);
    }

    /**
     * The Teleport release to imitate (RPC set, listing bugs, Ping's version); what
     * {@code sandbox --teleport-version V} sets, with V parsed by {@link TeleportVersion#parse}.
     */
    public SandboxOptions withTeleportVersion(TeleportVersion version) {
        return withBehaviour(behaviour.withTeleportVersion(version));
    }
}

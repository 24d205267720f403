package org.teleportj1.teleport.client;

import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster's connection: the identity read from disk and the gRPC channel built from it.
 * {@link #client()} re-reads the identity file when it changed (tbot rotation) and reconnects.
 */
public final class TeleportConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeleportConnection.class);

    private final TeleportSettings settings;
    private final Clock clock;
    private final UnaryOperator<String> environment;
    private TeleportChannel current;
    private boolean closed;
    private boolean opened;

    public TeleportConnection(TeleportSettings settings) {
        this(settings, Clock.systemUTC());
    }

    TeleportConnection(TeleportSettings settings, Clock clock) {
        this(settings, clock, System::getenv);
    }

    /** {@code environment} stands in for the process environment (TELEPORT_TLS_ROUTING_CONN_UPGRADE) in tests. */
    TeleportConnection(TeleportSettings settings, Clock clock, UnaryOperator<String> environment) {
        this.settings = settings;
        this.clock = clock;
        this.environment = environment;
    }

    public TeleportSettings settings() {
        return settings;
    }

    /**
     * Builds the channel now (route start-up) rather than at the first call, when the identity allows.
     * An identity file that is missing, unreadable or expired at start-up is not fatal: tbot may write
     * it later, and the health check and {@code check} command report it; the first call then builds
     * the channel, or fails with the same message.
     */
    public synchronized void open() {
        if (opened) {
            return;
        }
        opened = true;
        try {
            current();
        } catch (TeleportException e) {
            LOG.warn("Not connected to Teleport at {} yet; the first run tries again: {}", settings.address(),
                    e.getMessage());
        }
    }

    /** The cluster that issued the identity in use. */
    public synchronized String clusterName() {
        return current().identity().clusterName();
    }

    /**
     * A client for one run, on the current identity. The file is read on every call and compared by
     * content hash: a changed file (tbot renews every ~20 min) gives a new channel; the old one is
     * shut down once its calls finish. An expired identity is refused before any connection is made.
     */
    public synchronized TeleportClient client() {
        return new GrpcTeleportClient(current(), settings);
    }

    private TeleportChannel current() {
        if (closed) {
            throw new IllegalStateException("the Teleport connection is closed");
        }
        byte[] content = IdentityFileReader.readBytes(settings.identityFile());
        String fingerprint = IdentityFileReader.fingerprint(content);
        Instant now = clock.instant();
        if (current == null || !current.identity().fingerprint().equals(fingerprint)) {
            IdentityFile identity = IdentityFileReader.read(settings.identityFile());
            identity.requireValidAt(now);
            TeleportChannel previous = current;
            current = TeleportChannelFactory.open(settings, identity, environment);
            LOG.info("Using the identity of '{}' for Teleport cluster '{}' at {} (mode {}, valid until {})",
                    identity.user(), identity.clusterName(), settings.address(),
                    current.mode().uriName(), identity.notAfter());
            if (previous != null) {
                LOG.info("The identity file {} changed; replaced the previous connection", settings.identityFile());
                previous.close();
            }
            // once per identity read, not per call: a run makes several calls
            if (identity.expiresWithin(settings.expiryWarning(), now)) {
                LOG.warn("The Teleport identity file {} expires at {}; renew it (tctl auth sign) or check that tbot"
                        + " is renewing it", settings.identityFile(), identity.notAfter());
            }
        } else {
            current.identity().requireValidAt(now);
        }
        return current;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}

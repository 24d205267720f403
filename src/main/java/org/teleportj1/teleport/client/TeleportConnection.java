package org.teleportj1.teleport.client;

import java.time.Clock;
import java.time.Instant;
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
    private TeleportChannel current;
    private boolean closed;

    public TeleportConnection(TeleportSettings settings) {
        this(settings, Clock.systemUTC());
    }

    TeleportConnection(TeleportSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public TeleportSettings settings() {
        return settings;
    }

    /**
     * Reads the identity and builds the channel now (route start-up) instead of at the first call;
     * {@link #client()} still re-reads the file before every run.
     */
    public synchronized void open() {
        current();
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
            current = TeleportChannelFactory.open(settings, identity);
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

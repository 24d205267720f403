package org.teleportj1.teleport.client;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listing bugs detected on one server: each is logged once, as a warning that names the
 * server's version and the Teleport fix, and is kept for reports.
 */
final class ServerQuirks {
    private static final Logger LOG = LoggerFactory.getLogger(ServerQuirks.class);

    private final Supplier<String> serverVersion;
    private final Set<ListingQuirk> detected = EnumSet.noneOf(ListingQuirk.class);
    private String version;

    /** {@code serverVersion} is asked once, at the first quirk (it may call Ping). */
    ServerQuirks(Supplier<String> serverVersion) {
        this.serverVersion = serverVersion;
    }

    synchronized void detected(ListingQuirk quirk, String detail) {
        if (!detected.add(quirk)) {
            return;
        }
        if (version == null) {
            version = serverVersion.get();
        }
        LOG.warn("Teleport {}: {} ({}). Nothing is lost; to remove the workaround, {}.", version,
                quirk.description(), detail, quirk.fix(version));
    }

    synchronized Set<ListingQuirk> detected() {
        return Set.copyOf(detected);
    }
}

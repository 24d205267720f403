package org.teleportj1.teleport.client;

import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teleport's own override of the connection-upgrade detection, {@code TELEPORT_TLS_ROUTING_CONN_UPGRADE}
 * (docs/teleport-api.md §4.3): conditions separated by {@code ,} or {@code ;}, each either
 * {@code <bool>} (every address) or {@code <host:port>=<bool>} (that address). A condition for the
 * address wins over the catch-all; an address the value does not name and no catch-all: no upgrade.
 */
final class ConnUpgradeOverride {
    static final String VARIABLE = "TELEPORT_TLS_ROUTING_CONN_UPGRADE";
    private static final Logger LOG = LoggerFactory.getLogger(ConnUpgradeOverride.class);

    private final String value;

    private ConnUpgradeOverride(String value) {
        this.value = value == null ? "" : value.trim();
    }

    /** Reads the variable through {@code environment} (System::getenv in production). */
    static ConnUpgradeOverride from(UnaryOperator<String> environment) {
        return new ConnUpgradeOverride(environment.apply(VARIABLE));
    }

    /** Empty when the variable is unset or blank: detection decides. */
    Optional<Boolean> upgradeRequired(TeleportAddress address) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String target = address.toString();
        boolean forAll = false;
        for (String condition : value.split("[,;]")) {
            String text = condition.trim();
            if (text.isEmpty()) {
                continue;
            }
            int equals = text.lastIndexOf('=');
            if (equals < 0) {
                forAll = parse(text).orElse(forAll);
            } else if (text.substring(0, equals).trim().equalsIgnoreCase(target)) {
                return Optional.of(parse(text.substring(equals + 1).trim()).orElse(false));
            }
        }
        return Optional.of(forAll);
    }

    /** The spellings Teleport accepts; anything else is ignored with a warning, as Teleport ignores it. */
    private Optional<Boolean> parse(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> {
                return Optional.of(true);
            }
            case "0", "false", "no", "off" -> {
                return Optional.of(false);
            }
            default -> {
                LOG.warn("Ignoring '{}' in {}={}: use true or false, optionally per address as host:port=true",
                        text, VARIABLE, value);
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return VARIABLE + "=" + value;
    }
}

package org.teleportj1.sync;

import java.util.Locale;

/** {@code teleport.resources.<name>}: whether an optional Teleport resource is read. */
public enum ResourceMode {
    /** Read it; denied (or not implemented by the server) is one warning, never a failed run. */
    AUTO,
    /** Read it; any failure aborts the run like a core listing. */
    ON,
    /** Never read; J1 keeps what earlier runs uploaded. */
    OFF;

    /** auto, on or off, without case; null when the text is none of them. */
    public static ResourceMode parse(String text) {
        for (ResourceMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        return null;
    }

    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

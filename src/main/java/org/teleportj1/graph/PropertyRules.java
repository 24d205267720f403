package org.teleportj1.graph;

import java.util.regex.Pattern;

/**
 * J1's rules for property names and string values (jupiterone-api.md §3.3, data-model
 * {@code GraphObject.propertyNames}).
 */
public final class PropertyRules {
    /** Every property name of an entity or relationship must match this. */
    public static final Pattern NAME = Pattern.compile("^(_|tag\\.)?[A-Za-z0-9. -]+$");

    private static final Pattern NOT_ALLOWED_IN_NAME = Pattern.compile("[^A-Za-z0-9. -]");

    private PropertyRules() {
    }

    /** True for a name the J1 schema accepts. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * A name part built from Teleport data (a trait name): every character J1 rejects becomes
     * {@code -}, so {@code kubernetes_groups} becomes {@code kubernetes-groups}. Never empty.
     */
    public static String sanitiseNamePart(String raw) {
        String cleaned = raw == null ? "" : NOT_ALLOWED_IN_NAME.matcher(raw).replaceAll("-").strip();
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    /**
     * Cuts a string to at most {@code max} characters the way the J1 SDK does (ending in
     * {@code ...}), without splitting a surrogate pair.
     */
    public static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "...";
    }

    /** Empty strings are left out of the graph: null makes {@link GraphObject#put} skip them. */
    public static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package org.teleportj1.graph;

import java.util.regex.Pattern;

/**
 * J1's rules for property names and string values (docs/jupiterone-api.md §3.3, data-model
 * {@code GraphObject.propertyNames}).
 */
public final class PropertyRules {
    /** Every property name of an entity or relationship must match this. */
    public static final Pattern NAME = Pattern.compile("^(_|tag\\.)?[A-Za-z0-9. -]+$");

    /** The reference rule for {@link #sanitiseNamePart}; tests check the fast path against it. */
    static final Pattern NOT_ALLOWED_IN_NAME = Pattern.compile("[^A-Za-z0-9. -]");

    private PropertyRules() {
    }

    /**
     * True for a name the J1 schema accepts: exactly what {@link #NAME} matches, checked without a
     * regex because every property of every object (millions per large sync) is checked. An
     * optional {@code _}, then one or more allowed characters; {@code tag.} needs no special case
     * since its characters are allowed anyway.
     */
    public static boolean isValidName(String name) {
        if (name == null) {
            return false;
        }
        int start = name.startsWith("_") ? 1 : 0;
        if (name.length() == start) {
            return false;
        }
        for (int i = start; i < name.length(); i++) {
            if (!allowedInName(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowedInName(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == ' '
                || c == '-';
    }

    /**
     * A name part built from Teleport data (a trait name): every character J1 rejects becomes
     * {@code -}, so {@code kubernetes_groups} becomes {@code kubernetes-groups}. Never empty.
     */
    public static String sanitiseNamePart(String raw) {
        String cleaned = raw == null ? "" : replaceNotAllowed(raw).strip();
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    /** {@code NOT_ALLOWED_IN_NAME.matcher(raw).replaceAll("-")} without a regex: one '-' per code point. */
    private static String replaceNotAllowed(String raw) {
        int i = 0;
        while (i < raw.length() && allowedInName(raw.charAt(i))) {
            i++;
        }
        if (i == raw.length()) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, i);
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            out.append(allowedInName(c) ? (char) c : '-');
            i += Character.charCount(c);
        }
        return out.toString();
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

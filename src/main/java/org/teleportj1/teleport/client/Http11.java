package org.teleportj1.teleport.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 request or response, as the connection upgrade needs it. Reads byte by
 * byte up to the blank line so no tunnelled byte after the head is consumed; a header that appears
 * on several lines keeps every value (the upgrade sends {@code Upgrade} twice, docs/teleport-api.md §4.3).
 */
final class Http11 {
    private static final int MAX_HEAD = 64 * 1024;

    private Http11() {
    }

    /** A request or status line and its headers (names lower-cased, values in the order received). */
    record Head(String firstLine, Map<String, List<String>> headers) {
        /** The first value of {@code name}, or null. */
        String header(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> values(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The status code of a response head, or -1 when the first line is not an HTTP/1.x status line. */
        int status() {
            String[] parts = firstLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                return -1;
            }
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String first = null;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before the end of the HTTP head");
            }
            if (++total > MAX_HEAD) {
                throw new IOException("HTTP head larger than " + MAX_HEAD + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            line.reset();
            if (text.isEmpty()) {
                if (first == null) {
                    continue;
                }
                return new Head(first, headers);
            }
            if (first == null) {
                first = text;
            } else {
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(text.substring(colon + 1).strip());
                }
            }
        }
    }
}

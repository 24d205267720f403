package org.teleportj1.teleport.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request head the test proxies read. Reads byte by byte up to the blank line so no tunnelled
 * byte after the head is consumed.
 */
final class Http11 {
    private static final int MAX_HEAD = 64 * 1024;

    private Http11() {
    }

    /** A request line and its headers (names lower-cased). */
    record Head(String firstLine, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String first = null;
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed before the end of the HTTP head");
            }
            if (++total > MAX_HEAD) {
                throw new IOException("HTTP head too large");
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
                    headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
                }
            }
        }
    }
}

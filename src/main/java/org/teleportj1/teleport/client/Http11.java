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
 * The little HTTP/1.1 the client needs on the proxy's web port: one request, one response head.
 * Reads byte by byte up to the blank line so no tunnelled byte after an upgrade is consumed.
 */
final class Http11 {
    private static final int MAX_HEAD = 64 * 1024;

    private Http11() {
    }

    /** A request or status line and its headers (names lower-cased). */
    record Head(String firstLine, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The status code of a response head, or -1. */
        int status() {
            String[] parts = firstLine.split(" ", 3);
            try {
                return parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
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

    /** The body after a head: chunked, Content-Length bytes, or everything up to EOF. */
    static byte[] readBody(Head head, InputStream in, int limit) throws IOException {
        String encoding = head.header("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in, limit);
        }
        String length = head.header("content-length");
        if (length != null) {
            int n = Integer.parseInt(length.strip());
            if (n > limit) {
                throw new IOException("response body of " + n + " bytes is too large");
            }
            return in.readNBytes(n);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new IOException("response body is too large");
        }
        return body;
    }

    // Go's net/http chunks responses larger than a couple of kilobytes; /webapi/ping often is.
    private static byte[] readChunked(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            if (body.size() + size > limit) {
                throw new IOException("response body is too large");
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            if (line.size() > 8192) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }
}

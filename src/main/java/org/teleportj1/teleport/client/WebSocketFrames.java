package org.teleportj1.teleport.client;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RFC 6455 framing, just enough for both ends of the upgrade tunnel: binary frames, ping/pong,
 * close. Clients must mask what they send; servers must not.
 */
final class WebSocketFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Bigger frames are refused: nothing legitimate in a tunnel needs them and they would be buffered whole. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebSocketFrames() {
    }

    record Frame(int opcode, boolean fin, boolean masked, byte[] payload) {
    }

    /** A fresh Sec-WebSocket-Key: 16 random bytes, base64. */
    static String newKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The Sec-WebSocket-Accept a server must answer for {@code key}. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes whole frames; synchronized because data and pong replies share one stream. */
    static final class Writer {
        private final OutputStream out;
        private final boolean mask;

        Writer(OutputStream out, boolean mask) {
            this.out = out;
            this.mask = mask;
        }

        synchronized void write(int opcode, byte[] data, int offset, int length) throws IOException {
            byte[] header = new byte[14];
            int n = 0;
            header[n++] = (byte) (0x80 | opcode);
            int maskBit = mask ? 0x80 : 0;
            if (length < 126) {
                header[n++] = (byte) (maskBit | length);
            } else if (length <= 0xFFFF) {
                header[n++] = (byte) (maskBit | 126);
                header[n++] = (byte) (length >>> 8);
                header[n++] = (byte) length;
            } else {
                header[n++] = (byte) (maskBit | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    header[n++] = (byte) ((long) length >>> shift);
                }
            }
            byte[] payload = new byte[length];
            System.arraycopy(data, offset, payload, 0, length);
            if (mask) {
                byte[] key = new byte[4];
                RANDOM.nextBytes(key);
                System.arraycopy(key, 0, header, n, 4);
                n += 4;
                for (int i = 0; i < length; i++) {
                    payload[i] ^= key[i & 3];
                }
            }
            out.write(header, 0, n);
            out.write(payload);
            out.flush();
        }
    }

    /** Reads one frame, unmasking if needed; EOFException at a clean end of stream. */
    static Frame read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int first = in.read();
        if (first < 0) {
            throw new EOFException("WebSocket stream ended");
        }
        int second = data.readUnsignedByte();
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        if (length == 126) {
            length = data.readUnsignedShort();
        } else if (length == 127) {
            length = data.readLong();
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("WebSocket frame of " + length + " bytes is too large");
        }
        byte[] key = masked ? data.readNBytes(4) : null;
        byte[] payload = data.readNBytes((int) length);
        if (payload.length != length || (masked && key.length != 4)) {
            throw new EOFException("WebSocket frame truncated");
        }
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i & 3];
            }
        }
        return new Frame(first & 0x0F, (first & 0x80) != 0, masked, payload);
    }
}

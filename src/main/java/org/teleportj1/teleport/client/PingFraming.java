package org.teleportj1.teleport.client;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The framing of the legacy {@code alpn-ping} upgrade (docs/teleport-api.md §4.3): every write is a
 * 4-byte big-endian length followed by that many bytes; a zero length is a keepalive ping, which
 * the reader drops (it needs no answer).
 */
final class PingFraming {
    private PingFraming() {
    }

    /** Yields the data of the packets and skips pings. */
    static final class Input extends TunnelInput {
        private final DataInputStream wire;
        private long remaining;

        Input(InputStream wire) {
            this.wire = new DataInputStream(wire);
        }

        @Override
        protected int readData(byte[] buffer, int offset, int length) throws IOException {
            while (remaining == 0) {
                int first = wire.read();
                if (first < 0) {
                    return -1;
                }
                byte[] rest = wire.readNBytes(3);
                if (rest.length < 3) {
                    throw new EOFException("alpn-ping packet length truncated");
                }
                remaining = ((long) first << 24 | (rest[0] & 0xFF) << 16 | (rest[1] & 0xFF) << 8 | (rest[2] & 0xFF))
                        & 0xFFFFFFFFL;
            }
            int n = wire.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("alpn-ping packet truncated");
            }
            remaining -= n;
            return n;
        }
    }

    /** Writes each non-empty write as one packet; synchronized so a ping never splits a packet. */
    static final class Output extends OutputStream {
        private final OutputStream wire;

        Output(OutputStream wire) {
            this.wire = wire;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return; // a zero length would be read as a ping
            }
            wire.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
            wire.write(buffer, offset, length);
            wire.flush();
        }

        /** A keepalive ping: an empty packet. */
        synchronized void writePing() throws IOException {
            wire.write(new byte[4]);
            wire.flush();
        }

        @Override
        public void close() throws IOException {
            wire.close();
        }
    }
}

package org.teleportj1.teleport.client;

import java.io.IOException;
import java.io.InputStream;

/** The reading side of an upgrade tunnel: the data of its packets, whatever frames carry them. */
abstract class TunnelInput extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        return length == 0 ? 0 : readData(buffer, offset, length);
    }

    /** Reads at least one byte of data ({@code length > 0}), or returns -1 at the end of the tunnel. */
    protected abstract int readData(byte[] buffer, int offset, int length) throws IOException;
}

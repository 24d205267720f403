package org.teleportj1.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip at the fastest level. A 100k-user sync compresses its ~650 MB of JSON twice (upload bodies
 * and the run's spool); at the default level that alone costs more CPU than reading and mapping
 * the cluster, while JSON of repetitive keys shrinks almost as well at level 1.
 */
public final class FastGzip {
    private static final int BUFFER = 1 << 16;

    private FastGzip() {
    }

    public static OutputStream output(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, bytes.length / 6));
        try (OutputStream out = output(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}

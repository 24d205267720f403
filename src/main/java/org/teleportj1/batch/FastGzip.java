package org.teleportj1.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip at the fastest level. A 100k-user sync compresses its ~650 MB of JSON once (each batch's
 * upload body, which the run's spool stores too: GraphBatch); at the default level that alone
 * would cost more CPU than reading and mapping the cluster, while JSON of repetitive keys shrinks
 * almost as well at level 1.
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
}

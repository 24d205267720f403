package org.teleportj1.batch;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Serialized graph objects of one kind, ready to upload in one request, in one of two forms.
 * <p>
 * A plain batch holds each object's UTF-8 JSON, exactly as it is sent: what the batcher seals, a
 * dry run writes, direct:batch-copies converts and a 413 split cuts. A compressed batch holds only
 * its gzip upload body: the J1 target compresses each batch once ({@link #compressed()}), its
 * spool stores that body and the upload sends the same bytes. It drops the objects because the
 * body is about a twentieth of their size and the batches waiting for upload are most of a run's
 * memory; a 413 split, the one reader of its objects, decompresses it.
 */
public final class GraphBatch {
    private static final int BUFFER = 1 << 16;

    private final GraphKind kind;
    private final int size;
    private final long bytes;
    /** The objects of a plain batch; null once compressed. */
    private final List<byte[]> objects;
    /** The gzip upload body of a compressed batch; null while plain. */
    private final byte[] gzipBody;

    /** A plain batch; {@code bytes}: the objects' serialized bytes, one more each for the comma. */
    public GraphBatch(GraphKind kind, List<byte[]> objects, long bytes) {
        this(kind, objects.size(), bytes, objects, null);
    }

    private GraphBatch(GraphKind kind, int size, long bytes, List<byte[]> objects, byte[] gzipBody) {
        this.kind = kind;
        this.size = size;
        this.bytes = bytes;
        this.objects = objects;
        this.gzipBody = gzipBody;
    }

    public GraphKind kind() {
        return kind;
    }

    /** Objects in the batch. */
    public int size() {
        return size;
    }

    /** The objects' serialized bytes, one more each for the comma (what the batch limit counts). */
    public long bytes() {
        return bytes;
    }

    public boolean isCompressed() {
        return gzipBody != null;
    }

    /** The serialized objects; a compressed batch decompresses its body for them. */
    public List<byte[]> objects() {
        if (objects != null) {
            return objects;
        }
        List<byte[]> read = new ArrayList<>(size);
        try (UploadBodyReader reader = new UploadBodyReader(decompressed(), kind)) {
            for (UploadBodyReader.BodyObject object = reader.next(); object != null; object = reader.next()) {
                read.add(object.serialized());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the " + this + ": " + e.getMessage(), e);
        }
        return read;
    }

    /** The upload body: {"entities":[...]} or {"relationships":[...]}. */
    public byte[] requestBody() {
        if (objects == null) {
            try (InputStream in = decompressed()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decompress the " + this + ": " + e.getMessage(), e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, bytes + 32));
        writeBody(out);
        return out.toByteArray();
    }

    /**
     * This batch with its gzip upload body at FastGzip's level instead of its objects; a batch
     * already compressed is returned as it is, so nothing is compressed twice.
     */
    public GraphBatch compressed() {
        if (gzipBody != null) {
            return this;
        }
        // graph JSON shrinks about twentyfold at level 1
        ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) Math.max(64, bytes / 16));
        // the objects reach the deflater in 64 KiB chunks, not one native call each
        try (OutputStream out = new BufferedOutputStream(FastGzip.output(buffer), BUFFER)) {
            writeBody(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GraphBatch(kind, size, bytes, null, buffer.toByteArray());
    }

    /** The gzip upload body of a compressed batch, the very array the spool writes and the upload sends. */
    public byte[] gzipBody() {
        if (gzipBody == null) {
            throw new IllegalStateException("the " + this + " is not compressed");
        }
        return gzipBody;
    }

    /**
     * What an upload sends: the gzip body (compressed now if the batch is still plain: a 413
     * split's halves, a replay's batches) or the plain JSON.
     */
    public byte[] uploadBody(boolean gzip) {
        return gzip ? compressed().gzipBody : requestBody();
    }

    private InputStream decompressed() throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(gzipBody), BUFFER);
    }

    private void writeBody(OutputStream out) {
        try {
            out.write(("{\"" + kind.field() + "\":[").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(objects.get(i));
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind.field() + " batch of " + size + " (" + bytes + " bytes)";
    }
}

package org.teleportj1.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphBatcher;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.batch.UploadBodyReader;
import org.teleportj1.state.RunSpool;

/**
 * Reads a spooled graph back, entities first, into a batcher: each element is the batches that
 * filled up over the next {@value #OBJECTS_PER_STEP} objects, the last one the rest. Memory stays
 * bounded by the batches in flight, as in a sync. The objects are batched again by the limits
 * configured now, which may have changed since the run (J1's too), rather than sent in the
 * spooled bodies. Reads both spool formats: the upload bodies of {@link RunSpool} and, so that
 * dead letters of earlier versions still replay, their one object a line ({@value #LINES_SUFFIX}).
 */
final class SpoolBatches implements Iterator<List<GraphBatch>> {
    private static final int OBJECTS_PER_STEP = 1000;
    /** The spool file of versions before the upload bodies: {@code entities.ndjson.gz}, one object a line. */
    static final String LINES_SUFFIX = ".ndjson.gz";

    private final Path dir;
    private final GraphBatcher batcher;
    private final ObjectMapper json;
    private int kindIndex = -1;
    private SpoolFile file;
    private boolean flushed;

    SpoolBatches(Path dir, GraphBatcher batcher, ObjectMapper json) {
        this.dir = dir;
        this.batcher = batcher;
        this.json = json;
    }

    @Override
    public boolean hasNext() {
        return !flushed;
    }

    @Override
    public List<GraphBatch> next() {
        if (flushed) {
            throw new NoSuchElementException();
        }
        try {
            for (int objects = 0; objects < OBJECTS_PER_STEP; ) {
                if (file == null && !openNext()) {
                    flushed = true;
                    return batcher.flush();
                }
                if (file.addNext(batcher)) {
                    objects++;
                } else {
                    file.close();
                    file = null;
                }
            }
            return batcher.takeReady();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled graph in " + dir + ": " + e.getMessage(), e);
        }
    }

    private boolean openNext() throws IOException {
        if (kindIndex + 1 >= GraphKind.values().length) {
            return false;
        }
        kindIndex++;
        GraphKind kind = GraphKind.values()[kindIndex];
        Path bodies = dir.resolve(RunSpool.fileName(kind));
        Path lines = dir.resolve(kind.field() + LINES_SUFFIX);
        if (Files.exists(bodies)) {
            file = new Bodies(kind, bodies);
        } else if (Files.exists(lines)) {
            file = new Lines(kind, lines, json);
        } else {
            throw new IOException("neither " + bodies.getFileName() + " nor " + lines.getFileName() + " is there");
        }
        return true;
    }

    /** One kind's spooled objects, added to the batcher one at a time. */
    private interface SpoolFile extends Closeable {
        /** Adds the next object; false after the last one. */
        boolean addNext(GraphBatcher batcher) throws IOException;
    }

    private static InputStream gunzipped(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        // an empty file is a kind with no batch: the spool writes no gzip member for it
        return Files.size(file) == 0 ? in : new GZIPInputStream(in, 1 << 16);
    }

    /** The spool of this version: upload bodies, one gzip member each. */
    private static final class Bodies implements SpoolFile {
        private final GraphKind kind;
        private final UploadBodyReader reader;

        Bodies(GraphKind kind, Path file) throws IOException {
            this.kind = kind;
            this.reader = new UploadBodyReader(gunzipped(file), kind);
        }

        @Override
        public boolean addNext(GraphBatcher batcher) throws IOException {
            UploadBodyReader.BodyObject object = reader.next();
            if (object == null) {
                return false;
            }
            batcher.add(kind, object.serialized(), object.type());
            return true;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** The spool of earlier versions: one serialized object a line, in one gzip stream. */
    private static final class Lines implements SpoolFile {
        private final GraphKind kind;
        private final BufferedReader reader;
        private final ObjectMapper json;

        Lines(GraphKind kind, Path file, ObjectMapper json) throws IOException {
            this.kind = kind;
            this.reader = new BufferedReader(new InputStreamReader(gunzipped(file), StandardCharsets.UTF_8));
            this.json = json;
        }

        @Override
        public boolean addNext(GraphBatcher batcher) throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    byte[] object = line.getBytes(StandardCharsets.UTF_8);
                    batcher.add(kind, object, json.readTree(object).path("_type").asText());
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}

package org.teleportj1.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
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
import org.teleportj1.state.RunSpool;

/**
 * Reads a spooled graph back, entities first, into a batcher: each element is the batches that
 * filled up over the next {@value #LINES_PER_STEP} lines, the last one the rest. Memory stays
 * bounded by the batches in flight, as in a sync.
 */
final class SpoolBatches implements Iterator<List<GraphBatch>> {
    private static final int LINES_PER_STEP = 1000;

    private final Path dir;
    private final GraphBatcher batcher;
    private final ObjectMapper json;
    private int kindIndex = -1;
    private BufferedReader reader;
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
            for (int lines = 0; lines < LINES_PER_STEP; ) {
                if (reader == null && !openNext()) {
                    flushed = true;
                    return batcher.flush();
                }
                String line = reader.readLine();
                if (line == null) {
                    reader.close();
                    reader = null;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                byte[] object = line.getBytes(StandardCharsets.UTF_8);
                batcher.add(GraphKind.values()[kindIndex], object, json.readTree(object).path("_type").asText());
                lines++;
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
        Path file = dir.resolve(RunSpool.fileName(GraphKind.values()[kindIndex]));
        reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8));
        return true;
    }
}

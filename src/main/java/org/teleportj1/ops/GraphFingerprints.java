package org.teleportj1.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.teleportj1.batch.FastGzip;

/**
 * The key, {@code _type} and a content hash of every object a run emitted, written to a gzip file
 * as the objects are serialized: a 100k-user cluster has over a million objects, too many keys to
 * hold in memory. The hash is taken from the exact bytes that are uploaded, so "changed" means
 * "J1 receives different content", nothing less.
 */
public final class GraphFingerprints implements AutoCloseable {
    /** The exchange property a run's fingerprints travel in. */
    public static final String PROPERTY = "graphFingerprints";
    private static final JsonFactory JSON = new JsonFactory();

    /** One object: its key, type and a 64-bit content hash (16 hex digits). */
    public record Fingerprint(String key, String type, String hash) {
    }

    private final Path file;
    private final JsonGenerator out;
    private long size;
    private boolean closed;

    private GraphFingerprints(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = JSON.createGenerator(FastGzip.output(new BufferedOutputStream(Files.newOutputStream(file))));
            out.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's fingerprints to " + file
                    + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)", e);
        }
    }

    /** Starts a run's fingerprints in {@code file}. */
    public static GraphFingerprints create(Path file) {
        return new GraphFingerprints(file);
    }

    /** Records one emitted object from its serialized form. */
    public synchronized void add(Map<String, Object> object, byte[] serialized) {
        write(new Fingerprint(String.valueOf(object.get("_key")), String.valueOf(object.get("_type")),
                ContentHash.hex(ContentHash.of(serialized))));
    }

    synchronized void write(Fingerprint fingerprint) {
        try {
            writeLine(out, fingerprint);
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's fingerprints to " + file, e);
        }
    }

    static void writeLine(JsonGenerator generator, Fingerprint fingerprint) throws IOException {
        generator.writeStartArray();
        generator.writeString(fingerprint.type());
        generator.writeString(fingerprint.hash());
        generator.writeString(fingerprint.key());
        generator.writeEndArray();
        generator.writeRaw('\n');
    }

    public Path file() {
        return file;
    }

    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the run's fingerprints " + file, e);
            }
        }
    }

    /** Closes and deletes: the run did not succeed, so it never becomes a baseline. */
    public void discard() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Streams the fingerprints of {@code file}, skipping {@code skipLines} leading lines (a header). */
    static void forEach(Path file, int skipLines, Consumer<Fingerprint> action) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            skip(in, skipLines);
            try (JsonParser parser = JSON.createParser(in)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if (token != JsonToken.START_ARRAY) {
                        throw new IOException("expected [type, hash, key] but found " + token);
                    }
                    String type = parser.nextTextValue();
                    String hash = parser.nextTextValue();
                    String key = parser.nextTextValue();
                    if (parser.nextToken() != JsonToken.END_ARRAY || type == null || hash == null || key == null) {
                        throw new IOException("a fingerprint line is not [type, hash, key]");
                    }
                    action.accept(new Fingerprint(key, type, hash));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fingerprints from " + file + ": " + e.getMessage(), e);
        }
    }

    private static void skip(InputStream in, int lines) throws IOException {
        for (int skipped = 0; skipped < lines; ) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            if (b == '\n') {
                skipped++;
            }
        }
    }

    /** Hash of a key, for {@link KeyIndex}. */
    static long keyHash(String key) {
        return ContentHash.of(key.getBytes(StandardCharsets.UTF_8));
    }
}

package org.teleportj1.ops;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.teleportj1.batch.FastGzip;
import org.teleportj1.concurrent.Background;

/**
 * The key, {@code _type} and a content hash of every object a run emitted, written to a gzip file
 * as the objects are serialized: a 100k-user cluster has over a million objects, too many keys to
 * hold in memory. The hash is taken from the exact bytes that are uploaded, so "changed" means
 * "J1 receives different content", nothing less.
 *
 * <p>The file is binary ({@link FingerprintReader} reads it), after the magic {@code TJ1F} and a
 * version byte one record per object, big-endian:
 * <pre>
 *   u1  type index: the types in order of first appearance; a type's first record (index = number
 *       of types so far) is followed by its name (DataOutput.writeUTF)
 *   i8  content hash ({@link ContentHash} of the uploaded JSON)
 *   u2  key length, then the key in UTF-8
 * </pre>
 * A reader hashes the key bytes itself: storing that hash too cost more, as 8 more incompressible
 * bytes a record for the deflater (a third of the time spent writing), than hashing again.
 *
 * <p>Records are gathered in memory and deflated into the file on a writer thread, a chunk at a
 * time: the deflating was most of what fingerprinting cost the thread that maps (about a second
 * for a 100k-user run), and it runs beside the mapping now. One chunk is written while the next
 * fills; a chunk that fills before the one before it is written waits for it, so memory stays two
 * chunks and the file keeps the order of the records.
 */
public final class GraphFingerprints implements AutoCloseable {
    /** The exchange property a run's fingerprints travel in. */
    public static final String PROPERTY = "graphFingerprints";
    static final int VERSION = 1;
    /** The magic and the version. */
    static final byte[] START = {'T', 'J', '1', 'F', VERSION};
    /** Types a run may have: as many as {@link KeyIndex} can tell apart. */
    static final int MAX_TYPES = KeyIndex.MAX_TYPES;
    /** The longest key a record can hold (this program's keys are at most 1000 characters, docs/jupiterone-api.md §3.2). */
    static final int MAX_KEY_BYTES = 0xFFFF;

    private static final ExecutorService WRITERS = Background.threads("graph-fingerprints");
    private static final int CHUNK_BYTES = 256 * 1024;

    private final Path file;
    /** The gzip file: only the one chunk write in flight, then close, touch it. */
    private final OutputStream fileOut;
    private ByteArrayOutputStream filling = new ByteArrayOutputStream(CHUNK_BYTES + 1024);
    private DataOutputStream out = new DataOutputStream(filling);
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(CHUNK_BYTES + 1024);
    private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final List<String> types = new ArrayList<>();
    private long[] countsByType = new long[8];
    private long size;
    private boolean closed;

    private GraphFingerprints(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // records reach the deflater in whole chunks (handOff), never a field at a time
            fileOut = FastGzip.output(new BufferedOutputStream(Files.newOutputStream(file)));
            out.write(START);
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
    public void add(Map<String, Object> object, byte[] serialized) {
        byte[] key = String.valueOf(object.get("_key")).getBytes(StandardCharsets.UTF_8);
        write(String.valueOf(object.get("_type")), key, ContentHash.of(serialized));
    }

    private synchronized void write(String type, byte[] key, long contentHash) {
        if (key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a _key of " + key.length + " bytes is too long to fingerprint");
        }
        try {
            Integer index = typeIndex.get(type);
            if (index == null) {
                index = newType(type);
                out.writeByte(index);
                out.writeUTF(type);
            } else {
                out.writeByte(index);
            }
            out.writeLong(contentHash);
            out.writeShort(key.length);
            out.write(key);
            countsByType[index]++;
            size++;
            if (filling.size() >= CHUNK_BYTES) {
                handOff();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's fingerprints to " + file, e);
        }
    }

    /** Sends the filled chunk to the writer thread once the chunk before it is in the file. */
    private void handOff() {
        awaitWriting();
        ByteArrayOutputStream full = filling;
        spare.reset();
        filling = spare;
        spare = full;
        out = new DataOutputStream(filling);
        writing = CompletableFuture.runAsync(() -> {
            try {
                full.writeTo(fileOut);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, WRITERS);
    }

    private void awaitWriting() {
        try {
            writing.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            throw new UncheckedIOException("cannot write the run's fingerprints to " + file,
                    cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    private int newType(String type) {
        if (types.size() == MAX_TYPES) {
            throw new IllegalStateException("a run with more than " + MAX_TYPES + " _types cannot be fingerprinted");
        }
        int index = types.size();
        types.add(type);
        typeIndex.put(type, index);
        if (index == countsByType.length) {
            countsByType = Arrays.copyOf(countsByType, 2 * index);
        }
        return index;
    }

    public Path file() {
        return file;
    }

    public synchronized long size() {
        return size;
    }

    /** Objects per {@code _type}, in order of first appearance: a first run's report needs no reading. */
    synchronized Map<String, Long> countsByType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < types.size(); i++) {
            counts.put(types.get(i), countsByType[i]);
        }
        return counts;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try (fileOut) {
                awaitWriting();
                filling.writeTo(fileOut);
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
}

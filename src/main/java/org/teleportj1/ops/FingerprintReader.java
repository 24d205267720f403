package org.teleportj1.ops;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a fingerprint file ({@link GraphFingerprints} describes the format), one
 * at a time, without allocating per record: the key is kept as bytes, hashed for {@link KeyIndex}
 * and decoded only when asked for, since a comparison lists a few hundred keys of a million.
 */
final class FingerprintReader implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final DataInputStream in;
    private final List<String> types = new ArrayList<>();
    private byte[] key = new byte[256];
    private int keyLength;
    private int type;
    private long contentHash;

    private FingerprintReader(Path file, DataInputStream in) {
        this.file = file;
        this.in = in;
    }

    static FingerprintReader open(Path file) {
        try {
            InputStream raw = Files.newInputStream(file);
            try {
                DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER));
                byte[] magic = new byte[GraphFingerprints.MAGIC.length];
                in.readFully(magic);
                if (!Arrays.equals(magic, GraphFingerprints.MAGIC) || in.readUnsignedByte() != GraphFingerprints.VERSION) {
                    throw new IOException("not a fingerprint file of this version");
                }
                return new FingerprintReader(file, in);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Moves to the next record; false at the end of the file. */
    boolean next() {
        try {
            int index = in.read();
            if (index < 0) {
                return false;
            }
            if (index == types.size()) {
                types.add(in.readUTF());
            } else if (index > types.size()) {
                throw new IOException("a record names type " + index + " of " + types.size());
            }
            type = index;
            contentHash = in.readLong();
            keyLength = in.readUnsignedShort();
            if (keyLength > key.length) {
                key = new byte[Math.max(keyLength, 2 * key.length)];
            }
            in.readFully(key, 0, keyLength);
            return true;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** The record's type index; {@link #types()} names it. */
    int typeIndex() {
        return type;
    }

    String type() {
        return types.get(type);
    }

    long keyHash() {
        return ContentHash.of(key, keyLength);
    }

    long contentHash() {
        return contentHash;
    }

    String key() {
        return new String(key, 0, keyLength, StandardCharsets.UTF_8);
    }

    /** The types read so far, by index. */
    List<String> types() {
        return types;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static UncheckedIOException failure(Path file, IOException e) {
        return new UncheckedIOException("cannot read fingerprints from " + file + ": " + e.getMessage(), e);
    }
}

package org.teleportj1.ops;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams the records of a fingerprint file ({@link GraphFingerprints} describes the format), one
 * at a time, without allocating or copying per record: each is parsed where it lies in the read
 * buffer (DataInputStream's calls per field cost over a quarter of a comparison), its key hashed
 * there for {@link KeyIndex} and decoded only when asked for, since a comparison lists a few
 * hundred keys of a million.
 */
final class FingerprintReader implements AutoCloseable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    /** Room for the largest record: a type's name and a key of up to 64 KB each. */
    private static final int BUFFER = 1 << 18;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private final List<String> types = new ArrayList<>();
    private int position;
    private int limit;
    private int type;
    private long contentHash;
    private int keyOffset;
    private int keyLength;

    private FingerprintReader(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    static FingerprintReader open(Path file) {
        try {
            InputStream raw = Files.newInputStream(file);
            try {
                FingerprintReader reader = new FingerprintReader(file, new GZIPInputStream(raw, 1 << 16));
                byte[] start = GraphFingerprints.START;
                if (!reader.fill(start.length) || !Arrays.equals(reader.buffer, 0, start.length, start, 0, start.length)) {
                    throw new IOException("not a fingerprint file of this version");
                }
                reader.position = start.length;
                return reader;
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
            if (!fill(1)) {
                return false;
            }
            int index = buffer[position] & 0xFF;
            int fields = 1;
            if (index == types.size()) {
                need(fields + 2);
                int name = 2 + ((short) SHORT.get(buffer, position + fields) & 0xFFFF);
                need(fields + name);
                // written by DataOutput.writeUTF, so read by its counterpart (modified UTF-8)
                types.add(DataInputStream.readUTF(
                        new DataInputStream(new ByteArrayInputStream(buffer, position + fields, name))));
                fields += name;
            } else if (index > types.size()) {
                throw new IOException("a record names type " + index + " of " + types.size());
            }
            need(fields + 10);
            type = index;
            contentHash = (long) LONG.get(buffer, position + fields);
            keyLength = (short) SHORT.get(buffer, position + fields + 8) & 0xFFFF;
            need(fields + 10 + keyLength);
            keyOffset = position + fields + 10;
            position = keyOffset + keyLength;
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
        return ContentHash.of(buffer, keyOffset, keyLength);
    }

    long contentHash() {
        return contentHash;
    }

    String key() {
        return new String(buffer, keyOffset, keyLength, StandardCharsets.UTF_8);
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

    /** Makes {@code bytes} bytes from the position readable (moving the rest to the front); false if the file ends first. */
    private boolean fill(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return true;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private void need(int bytes) throws IOException {
        if (!fill(bytes)) {
            throw new EOFException("the file ends inside a record");
        }
    }

    private static UncheckedIOException failure(Path file, IOException e) {
        return new UncheckedIOException("cannot read fingerprints from " + file + ": " + e.getMessage(), e);
    }
}

package org.teleportj1.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A batch compressed once: what it carries, what it gives back, and reading upload bodies back. */
class GraphBatchTest {

    @Test
    void aCompressedBatchGivesBackItsObjectsAndBodyByteForByte() throws IOException {
        GraphBatch plain = batchOf(5);
        GraphBatch compressed = plain.compressed();

        assertTrue(compressed.isCompressed());
        assertFalse(plain.isCompressed());
        assertEquals(plain.size(), compressed.size());
        assertEquals(plain.bytes(), compressed.bytes());
        assertArrayEquals(plain.requestBody(), gunzip(compressed.gzipBody()), "the gzip body is the upload body");
        assertArrayEquals(plain.requestBody(), compressed.requestBody());
        assertEquals(plain.objects().size(), compressed.objects().size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.objects().get(i), compressed.objects().get(i), "object " + i);
        }
    }

    @Test
    void aCompressedBatchIsNeverCompressedAgain() {
        GraphBatch compressed = batchOf(3).compressed();

        assertSame(compressed, compressed.compressed());
        assertSame(compressed.gzipBody(), compressed.uploadBody(true), "the upload sends the very array");
        assertArrayEquals(compressed.requestBody(), compressed.uploadBody(false), "plain when gzip is off");
        assertThrows(IllegalStateException.class, () -> batchOf(1).gzipBody(), "a plain batch has no gzip body");
    }

    @Test
    void bodiesOneAfterAnotherAreReadBackAsOneStream() throws IOException {
        GraphBatch first = batchOf(2);
        GraphBatch second = batchOf(3);
        ByteArrayOutputStream spool = new ByteArrayOutputStream();
        spool.write(first.compressed().gzipBody());
        spool.write(second.compressed().gzipBody());

        List<UploadBodyReader.BodyObject> read = new ArrayList<>();
        try (UploadBodyReader reader = new UploadBodyReader(
                new GZIPInputStream(new ByteArrayInputStream(spool.toByteArray())), GraphKind.ENTITIES)) {
            for (UploadBodyReader.BodyObject object = reader.next(); object != null; object = reader.next()) {
                read.add(object);
            }
            assertNull(reader.next());
        }

        List<byte[]> expected = new ArrayList<>(first.objects());
        expected.addAll(second.objects());
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), read.get(i).serialized(), "object " + i);
            assertEquals("teleport_user", read.get(i).type());
        }
    }

    @Test
    void aBodyOfTheOtherKindIsRefused() throws IOException {
        byte[] entities = batchOf(1).requestBody();
        try (UploadBodyReader reader = new UploadBodyReader(new ByteArrayInputStream(entities), GraphKind.RELATIONSHIPS)) {
            assertThrows(IOException.class, reader::next);
        }
    }

    /** Entities with what JSON escapes and every kind of number the graph holds. */
    private static GraphBatch batchOf(int objects) {
        GraphBatcher batcher = new GraphBatcher(new BatchLimits(5_000_000, objects));
        for (int i = 0; i < objects; i++) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("_key", "teleport:c:user:ünïcødé-" + i + " \"quoted\" \\ back\nslash\t\u0001 €𝄞");
            entity.put("_type", "teleport_user");
            entity.put("_class", "User");
            entity.put("active", i % 2 == 0);
            entity.put("count", i);
            entity.put("createdOn", 1_733_011_200_123L + i);
            entity.put("ratio", 0.1 * i);
            entity.put("big", 1.0e21);
            entity.put("negative", -0.0);
            entity.put("email", null);
            entity.put("roles", List.of("access", "editor-" + i));
            entity.put("traits", Map.of("logins", List.of("root")));
            batcher.entity(entity);
        }
        List<GraphBatch> batches = batcher.flush();
        assertEquals(1, batches.size());
        return batches.get(0);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}

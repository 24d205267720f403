package org.teleportj1.batch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serialized graph objects of one kind, ready to upload in one request. Each element is the
 * UTF-8 JSON of one object, exactly as it is sent.
 */
public record GraphBatch(GraphKind kind, List<byte[]> objects, long bytes) {

    /** The upload body: {"entities":[...]} or {"relationships":[...]}. */
    public byte[] requestBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, bytes + 32));
        out.writeBytes(("{\"" + kind.field() + "\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(objects.get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public int size() {
        return objects.size();
    }

    @Override
    public String toString() {
        return kind.field() + " batch of " + objects.size() + " (" + bytes + " bytes)";
    }
}

package org.teleportj1.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The UTF-8 JSON of one graph object, as J1 receives it, written straight to Jackson's streaming
 * generator. A graph object holds only strings, numbers, booleans, nulls, lists and maps (the
 * graph package enforces it), so the object mapper's per-value serializer lookup bought nothing
 * but time: it was about a fifth of a large run's CPU. The output is the object mapper's, byte for
 * byte (a test compares them).
 */
final class GraphJson {
    private static final JsonFactory JSON = new JsonFactory();
    /** Most objects fit; the builder grows for the rest. */
    private static final int FIRST_BLOCK = 1024;

    private GraphJson() {
    }

    static byte[] bytes(Map<String, Object> object) {
        ByteArrayBuilder out = new ByteArrayBuilder(JSON._getBufferRecycler(), FIRST_BLOCK);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize graph object " + object.get("_key"), e);
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> property : map.entrySet()) {
                out.writeFieldName((String) property.getKey());
                write(out, property.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value == null) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException("a graph object holds a " + value.getClass().getName()
                    + "; only strings, numbers, booleans, lists and maps are JSON here");
        }
    }
}

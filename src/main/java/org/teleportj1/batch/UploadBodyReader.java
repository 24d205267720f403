package org.teleportj1.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads upload bodies of one kind ({"entities":[...]}), one after another as a spool file holds
 * them, back into their objects, one at a time. An object is written again by the object mapper,
 * which gives the batcher's bytes back (GraphJson writes what the object mapper writes).
 */
public final class UploadBodyReader implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;
    private final GraphKind kind;
    private boolean inBody;

    /** One object of a body: its serialized JSON and its _type. */
    public record BodyObject(byte[] serialized, String type) {
    }

    public UploadBodyReader(InputStream bodies, GraphKind kind) throws IOException {
        this.parser = JSON.createParser(bodies);
        this.kind = kind;
    }

    /** The next object, or null after the last body. */
    public BodyObject next() throws IOException {
        while (true) {
            if (!inBody) {
                if (parser.nextToken() == null) {
                    return null;
                }
                expect(parser.currentToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                        && kind.field().equals(parser.currentName()) && parser.nextToken() == JsonToken.START_ARRAY);
                inBody = true;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                expect(parser.nextToken() == JsonToken.END_OBJECT);
                inBody = false;
                continue;
            }
            expect(token == JsonToken.START_OBJECT);
            JsonNode object = JSON.readTree(parser);
            return new BodyObject(JSON.writeValueAsBytes(object), object.path("_type").asText());
        }
    }

    private void expect(boolean wellFormed) throws IOException {
        if (!wellFormed) {
            throw new IOException("not a J1 upload body of " + kind.field() + " at " + parser.currentLocation());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

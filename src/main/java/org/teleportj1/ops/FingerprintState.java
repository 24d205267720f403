package org.teleportj1.ops;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The graph of a cluster's last successful run, kept between runs as
 * {@code <state-dir>/<cluster>/last-success.json.gz}: run id, time, and key, type and content hash
 * of every object. Written only after a successful run, atomically, so a failed or interrupted run
 * never becomes the baseline of the next change report.
 */
public final class FingerprintState {
    static final String FILE = "last-success.json.gz";

    /** A stored baseline. */
    public record Baseline(String runId, Instant succeededAt, GraphFingerprints graph) {
    }

    private final Path stateDir;
    private final ObjectMapper json;

    public FingerprintState(Path stateDir, ObjectMapper json) {
        this.stateDir = stateDir;
        this.json = json;
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path clusterDir(String cluster) {
        return stateDir.resolve(cluster);
    }

    public Optional<Baseline> read(String cluster) {
        Path file = clusterDir(cluster).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             JsonParser parser = json.getFactory().createParser(in)) {
            String runId = null;
            Instant at = null;
            Map<String, GraphFingerprints.Fingerprint> objects = new HashMap<>();
            expect(parser.nextToken(), JsonToken.START_OBJECT, file);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "runId" -> runId = parser.getValueAsString();
                    case "succeededAt" -> at = Instant.parse(parser.getValueAsString());
                    case "objects" -> {
                        expect(parser.currentToken(), JsonToken.START_OBJECT, file);
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String key = parser.currentName();
                            expect(parser.nextToken(), JsonToken.START_ARRAY, file);
                            parser.nextToken();
                            String type = parser.getValueAsString();
                            parser.nextToken();
                            String hash = parser.getValueAsString();
                            expect(parser.nextToken(), JsonToken.END_ARRAY, file);
                            objects.put(key, new GraphFingerprints.Fingerprint(type, hash));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return Optional.of(new Baseline(runId, at, new GraphFingerprints(objects)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The change-report state " + file + " cannot be read (" + e.getMessage()
                    + "). Delete it: the next run then reports every object as added and starts a new baseline.", e);
        }
    }

    /** Id and time of the cluster's last successful run, without reading its objects. */
    public Optional<Baseline> lastSuccess(String cluster) {
        Path file = clusterDir(cluster).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             JsonParser parser = json.getFactory().createParser(in)) {
            String runId = null;
            Instant at = null;
            expect(parser.nextToken(), JsonToken.START_OBJECT, file);
            // written before the objects, so the header ends where "objects" starts
            while (parser.nextToken() == JsonToken.FIELD_NAME && !"objects".equals(parser.currentName())) {
                String field = parser.currentName();
                parser.nextToken();
                if ("runId".equals(field)) {
                    runId = parser.getValueAsString();
                } else if ("succeededAt".equals(field)) {
                    at = Instant.parse(parser.getValueAsString());
                }
            }
            return at == null ? Optional.empty() : Optional.of(new Baseline(runId, at, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(String cluster, String runId, Instant succeededAt, GraphFingerprints graph) {
        Path dir = clusterDir(cluster);
        Path temp = dir.resolve("." + FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp));
                 JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeStringField("cluster", cluster);
                generator.writeStringField("runId", runId);
                generator.writeStringField("succeededAt", succeededAt.toString());
                generator.writeObjectFieldStart("objects");
                for (Map.Entry<String, GraphFingerprints.Fingerprint> object : graph.objects().entrySet()) {
                    generator.writeArrayFieldStart(object.getKey());
                    generator.writeString(object.getValue().type());
                    generator.writeString(object.getValue().hash());
                    generator.writeEndArray();
                }
                generator.writeEndObject();
                generator.writeEndObject();
            }
            Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change-report state of cluster '" + cluster + "' to "
                    + dir + " (set sync.state-dir / SYNC_STATE_DIR to a writable directory)", e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, Path file) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but found " + actual + " in " + file);
        }
    }
}

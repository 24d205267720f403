package org.teleportj1.jupiterone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teleportj1.run.DeliveryFailure;
import org.teleportj1.batch.GraphBatch;
import org.teleportj1.batch.GraphKind;
import org.teleportj1.run.SyncRun;

/**
 * J1 answered 413 to an upload: the body becomes smaller batches to upload instead. A batch is
 * split in half (J1's limit is not published; halving finds it in a few steps). A lone object is
 * trimmed to half its size, and the operator is told which properties were cut. An object with
 * nothing left to trim fails the run.
 */
public class OversizedBatch {
    private static final Logger LOG = LoggerFactory.getLogger(OversizedBatch.class);

    private final ObjectMapper json;
    private final ObjectTrimmer trimmer;

    public OversizedBatch(ObjectMapper json) {
        this.json = json;
        this.trimmer = new ObjectTrimmer(json);
    }

    public List<GraphBatch> smaller(Exchange exchange) throws IOException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        GraphBatch batch = exchange.getProperty(SyncJobApi.BATCH, GraphBatch.class);
        // a compressed batch is decompressed for this, once; its halves are plain and compressed as they upload
        List<byte[]> objects = batch.objects();
        if (objects.size() > 1) {
            int half = objects.size() / 2;
            LOG.info("Cluster '{}': J1 refused a {} as too large (413); uploading it in two halves",
                    run.cluster(), batch);
            return List.of(part(batch.kind(), objects.subList(0, half)),
                    part(batch.kind(), objects.subList(half, objects.size())));
        }
        byte[] object = objects.get(0);
        ObjectTrimmer.Result trimmed = trimmer.trim(object, object.length / 2);
        String key = describe(object);
        if (trimmed.trimmed().isEmpty()) {
            String reason = "J1 refused object " + key + " (" + object.length + " bytes) as too large (413) even alone,"
                    + " and it has no long property left to trim";
            if (run.delivery().fail(new DeliveryFailure(reason, 413, 1))) {
                LOG.error("Cluster '{}': {}", run.cluster(), reason);
            }
            return List.of();
        }
        run.delivery().trimmed();
        LOG.warn("Cluster '{}': J1 refused object {} ({} bytes) as too large even alone (413); trimmed its"
                        + " properties {} to {} bytes (values end in '{}')", run.cluster(), key, object.length,
                trimmed.trimmed(), trimmed.serialized().length, ObjectTrimmer.MARK);
        return List.of(new GraphBatch(batch.kind(), List.of(trimmed.serialized()), trimmed.serialized().length));
    }

    private static GraphBatch part(GraphKind kind, List<byte[]> objects) {
        long bytes = 0;
        for (byte[] object : objects) {
            bytes += object.length + 1;
        }
        return new GraphBatch(kind, List.copyOf(objects), bytes);
    }

    private String describe(byte[] object) throws IOException {
        JsonNode node = json.readTree(object);
        return node.path("_key").asText("?") + " (" + node.path("_type").asText("?") + ")";
    }
}

package org.teleportj1.batch;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.support.TypeConverterSupport;

/**
 * Lets routes treat a batch as what it is on the wire: {@code convertBodyTo: byte[]} (or String)
 * gives the JSON of its J1 upload request, so a route that copies batches elsewhere (a file, a
 * topic, another HTTP endpoint) needs no Java. direct:batch-copies sees each batch before the J1
 * target compresses it (GraphBatch), so a copy costs no decompression.
 */
public final class GraphBatchConverter extends TypeConverterSupport {

    public static void register(TypeConverterRegistry registry) {
        GraphBatchConverter converter = new GraphBatchConverter();
        registry.addTypeConverter(byte[].class, GraphBatch.class, converter);
        registry.addTypeConverter(String.class, GraphBatch.class, converter);
    }

    @Override
    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
        byte[] body = ((GraphBatch) value).requestBody();
        return type.cast(type == String.class ? new String(body, StandardCharsets.UTF_8) : body);
    }
}

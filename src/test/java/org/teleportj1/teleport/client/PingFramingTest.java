package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PingFramingTest {

    @Test
    void writesAreLengthPrefixedAndEmptyWritesSendNothing() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        PingFraming.Output out = new PingFraming.Output(wire);
        out.write("abc".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[0]);

        assertArrayEquals(new byte[] {0, 0, 0, 3, 'a', 'b', 'c'}, wire.toByteArray());
    }

    @Test
    void readsSkipPingsAndJoinPackets() throws Exception {
        byte[] wire = {0, 0, 0, 0, 0, 0, 0, 2, 'h', 'i', 0, 0, 0, 0, 0, 0, 0, 1, '!', 0, 0, 0, 0};
        PingFraming.Input in = new PingFraming.Input(new ByteArrayInputStream(wire));

        assertArrayEquals("hi!".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
    }
}

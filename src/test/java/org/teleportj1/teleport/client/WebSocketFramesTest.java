package org.teleportj1.teleport.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebSocketFramesTest {

    @Test
    void acceptKeyIsTheRfc6455Example() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketFrames.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void framesOfEveryLengthEncodingRoundTrip() throws Exception {
        for (int length : new int[] {0, 125, 126, 65535, 65536, 70000}) {
            byte[] payload = new byte[length];
            new Random(length).nextBytes(payload);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            new WebSocketFrames.Writer(wire, true).write(WebSocketFrames.BINARY, payload, 0, length);

            byte[] bytes = wire.toByteArray();
            assertTrue((bytes[1] & 0x80) != 0, "client frames are masked");
            WebSocketFrames.Frame frame = WebSocketFrames.read(new ByteArrayInputStream(bytes));
            assertEquals(WebSocketFrames.BINARY, frame.opcode());
            assertTrue(frame.fin() && frame.masked());
            assertArrayEquals(payload, frame.payload());
        }
    }

    @Test
    void serverFramesAreNotMasked() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new WebSocketFrames.Writer(wire, false).write(WebSocketFrames.PING, new byte[] {1, 2}, 0, 2);

        WebSocketFrames.Frame frame = WebSocketFrames.read(new ByteArrayInputStream(wire.toByteArray()));
        assertEquals(WebSocketFrames.PING, frame.opcode());
        assertFalse(frame.masked());
        assertArrayEquals(new byte[] {1, 2}, frame.payload());
    }
}

package org.teleportj1.teleport.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte streams inside the WebSocket form of the upgrade, client side: data goes in masked
 * binary frames, the proxy's pings are answered with pongs on the same writer, a close frame ends
 * the input (docs/teleport-api.md §4.3).
 */
final class WebSocketTunnel {
    private WebSocketTunnel() {
    }

    static final class Input extends TunnelInput {
        private final InputStream wire;
        private final WebSocketFrames.Writer replies;
        private byte[] current = new byte[0];
        private int position;
        private boolean closed;

        Input(InputStream wire, WebSocketFrames.Writer replies) {
            this.wire = wire;
            this.replies = replies;
        }

        @Override
        protected int readData(byte[] buffer, int offset, int length) throws IOException {
            while (position == current.length) {
                if (closed || !nextFrame()) {
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** False at the end of the stream. */
        private boolean nextFrame() throws IOException {
            WebSocketFrames.Frame frame;
            try {
                frame = WebSocketFrames.read(wire);
            } catch (EOFException end) {
                return false;
            }
            switch (frame.opcode()) {
                case WebSocketFrames.BINARY, WebSocketFrames.CONTINUATION -> {
                    current = frame.payload();
                    position = 0;
                }
                case WebSocketFrames.PING ->
                        replies.write(WebSocketFrames.PONG, frame.payload(), 0, frame.payload().length);
                case WebSocketFrames.CLOSE -> {
                    closed = true;
                    return false;
                }
                default -> {
                    // pongs and text frames carry nothing for the tunnel
                }
            }
            return true;
        }
    }

    static final class Output extends OutputStream {
        private final WebSocketFrames.Writer frames;
        private final OutputStream wire;

        Output(WebSocketFrames.Writer frames, OutputStream wire) {
            this.frames = frames;
            this.wire = wire;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (length > 0) {
                frames.write(WebSocketFrames.BINARY, buffer, offset, length);
            }
        }

        /** Says goodbye with a normal-closure frame (status 1000), then closes the connection. */
        @Override
        public void close() throws IOException {
            try {
                frames.write(WebSocketFrames.CLOSE, new byte[] {0x03, (byte) 0xE8}, 0, 2);
            } finally {
                wire.close();
            }
        }
    }
}

package org.teleportj1.teleport.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TLS ClientHello without answering it, as Teleport's proxy does to route on ALPN: the raw
 * bytes are kept so they can be replayed to whoever terminates the TLS session.
 */
record ClientHelloPeek(byte[] raw, List<String> alpn) {

    static ClientHelloPeek read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        int needed = -1;
        while (needed < 0 || handshake.size() < needed) {
            byte[] header = data.readNBytes(5);
            if (header.length < 5 || header[0] != 22) { // 22 = handshake record
                throw new IOException("not a TLS handshake");
            }
            int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            byte[] body = data.readNBytes(length);
            raw.write(header);
            raw.write(body);
            handshake.write(body);
            if (needed < 0 && handshake.size() >= 4) {
                byte[] h = handshake.toByteArray();
                needed = 4 + (((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF));
            }
        }
        return new ClientHelloPeek(raw.toByteArray(), alpn(ByteBuffer.wrap(handshake.toByteArray())));
    }

    private static List<String> alpn(ByteBuffer hello) {
        hello.position(4 + 2 + 32);                       // handshake header, version, random
        skip(hello, hello.get() & 0xFF);                  // session id
        skip(hello, hello.getShort() & 0xFFFF);           // cipher suites
        skip(hello, hello.get() & 0xFF);                  // compression methods
        List<String> protocols = new ArrayList<>();
        if (!hello.hasRemaining()) {
            return protocols;
        }
        int end = (hello.getShort() & 0xFFFF) + hello.position();
        while (hello.position() < end) {
            int type = hello.getShort() & 0xFFFF;
            int length = hello.getShort() & 0xFFFF;
            if (type != 16) {                             // 16 = application_layer_protocol_negotiation
                skip(hello, length);
                continue;
            }
            int listEnd = (hello.getShort() & 0xFFFF) + hello.position();
            while (hello.position() < listEnd) {
                byte[] name = new byte[hello.get() & 0xFF];
                hello.get(name);
                protocols.add(new String(name, StandardCharsets.US_ASCII));
            }
        }
        return protocols;
    }

    private static void skip(ByteBuffer buffer, int n) {
        buffer.position(buffer.position() + n);
    }
}

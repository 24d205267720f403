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

    /**
     * The same ClientHello with its ALPN list replaced by {@code protocol}: what a balancer that
     * always speaks HTTP/1.1 effectively hands its TLS stack. Single-record hellos only.
     */
    byte[] withAlpn(String protocol) {
        int recordLength = ((raw[3] & 0xFF) << 8) | (raw[4] & 0xFF);
        if (raw.length != 5 + recordLength) {
            throw new IllegalStateException("ClientHello spans several records");
        }
        int pos = 5 + 4 + 2 + 32;                         // record and handshake headers, version, random
        pos += 1 + (raw[pos] & 0xFF);                     // session id
        pos += 2 + u16(pos);                              // cipher suites
        pos += 1 + (raw[pos] & 0xFF);                     // compression methods
        int extensionsLength = pos;
        int end = pos + 2 + u16(pos);
        pos += 2;
        while (pos < end && u16(pos) != 16) {
            pos += 4 + u16(pos + 2);
        }
        if (pos >= end) {
            throw new IllegalStateException("ClientHello has no ALPN extension");
        }
        byte[] name = protocol.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer replacement = ByteBuffer.allocate(4 + 2 + 1 + name.length);
        replacement.putShort((short) 16).putShort((short) (3 + name.length)).putShort((short) (1 + name.length))
                .put((byte) name.length).put(name);
        int oldEnd = pos + 4 + u16(pos + 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(raw, 0, pos);
        out.writeBytes(replacement.array());
        out.write(raw, oldEnd, raw.length - oldEnd);
        byte[] hello = out.toByteArray();
        int delta = hello.length - raw.length;
        put16(hello, 3, recordLength + delta);
        int handshakeLength = ((raw[6] & 0xFF) << 16 | (raw[7] & 0xFF) << 8 | (raw[8] & 0xFF)) + delta;
        hello[6] = (byte) (handshakeLength >>> 16);
        put16(hello, 7, handshakeLength);
        put16(hello, extensionsLength, u16(extensionsLength) + delta);
        return hello;
    }

    private int u16(int at) {
        return ((raw[at] & 0xFF) << 8) | (raw[at + 1] & 0xFF);
    }

    private static void put16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    private static void skip(ByteBuffer buffer, int n) {
        buffer.position(buffer.position() + n);
    }
}

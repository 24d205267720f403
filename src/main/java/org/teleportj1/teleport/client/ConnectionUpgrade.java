package org.teleportj1.teleport.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One {@code GET /webapi/connectionupgrade} on an open TLS connection to the proxy, offering every
 * form at once as Teleport's 15.1–17.2 clients do (docs/teleport-api.md §4.3): the WebSocket headers
 * with sub-protocol {@code alpn-ping}, plus a second {@code Upgrade: alpn-ping} line for proxies
 * older than 15.1 and {@code X-Teleport-Upgrade: alpn-ping} for load balancers that strip the
 * hop-by-hop {@code Upgrade}. The proxy's 101 says which form it took.
 */
final class ConnectionUpgrade {
    static final String PATH = "/webapi/connectionupgrade";
    static final String WEBSOCKET = "websocket";
    static final String ALPN = "alpn";
    static final String ALPN_PING = "alpn-ping";
    static final String TELEPORT_UPGRADE_HEADER = "X-Teleport-Upgrade";

    /** The form the proxy answered with. */
    enum Form {
        WEBSOCKET("WebSocket"),
        LEGACY_PING("legacy alpn-ping"),
        LEGACY_RAW("legacy alpn");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The tunnel's byte streams once the proxy switched protocols. */
    record Tunnel(Form form, InputStream in, OutputStream out) {
    }

    private ConnectionUpgrade() {
    }

    /** The request head; {@code key} is the Sec-WebSocket-Key. */
    static String request(TeleportAddress proxy, String key) {
        return "GET " + PATH + " HTTP/1.1\r\n"
                + "Host: " + proxy + "\r\n"
                + "Upgrade: " + WEBSOCKET + "\r\n"
                + "Upgrade: " + ALPN_PING + "\r\n"
                + TELEPORT_UPGRADE_HEADER + ": " + ALPN_PING + "\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Protocol: " + ALPN_PING + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "\r\n";
    }

    /**
     * @throws IOException with what the proxy answered when it did not switch protocols or the
     *                     WebSocket answer fails the RFC 6455 checks
     */
    static Tunnel perform(Socket tls, TeleportAddress proxy) throws IOException {
        String key = WebSocketFrames.newKey();
        OutputStream out = tls.getOutputStream();
        out.write(request(proxy, key).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // buffered: bytes the proxy sends right after the head (a ping) stay in the buffer, not lost
        InputStream in = new BufferedInputStream(tls.getInputStream());
        Http11.Head response = Http11.readHead(in);
        int status = response.status();
        if (status != 101) {
            throw new IOException(refusal(status, response.firstLine()));
        }
        Form form = form(response);
        if (form == Form.WEBSOCKET) {
            check(response, key);
            WebSocketFrames.Writer frames = new WebSocketFrames.Writer(out, true);
            return new Tunnel(form, new WebSocketTunnel.Input(in, frames), new WebSocketTunnel.Output(frames, out));
        }
        if (form == Form.LEGACY_PING) {
            return new Tunnel(form, new PingFraming.Input(in), new PingFraming.Output(out));
        }
        return new Tunnel(form, in, out);
    }

    /**
     * {@code Upgrade: websocket} in the 101 means the WebSocket form (as Teleport's client decides).
     * Otherwise the legacy form: {@code alpn-ping}, which is what was asked for, unless the proxy names
     * plain {@code alpn}. A balancer that strips {@code Upgrade} from the answer leaves
     * {@code X-Teleport-Upgrade}, or nothing, and the legacy form was the only one it could carry.
     */
    static Form form(Http11.Head response) {
        List<String> upgrade = lower(response.values("upgrade"));
        if (upgrade.contains(WEBSOCKET)) {
            return Form.WEBSOCKET;
        }
        List<String> teleport = lower(response.values(TELEPORT_UPGRADE_HEADER));
        boolean plain = (upgrade.contains(ALPN) || teleport.contains(ALPN))
                && !upgrade.contains(ALPN_PING) && !teleport.contains(ALPN_PING);
        return plain ? Form.LEGACY_RAW : Form.LEGACY_PING;
    }

    private static void check(Http11.Head response, String key) throws IOException {
        if (!ALPN_PING.equals(response.header("sec-websocket-protocol"))) {
            throw new IOException("the proxy chose WebSocket sub-protocol '" + response.header("sec-websocket-protocol")
                    + "' instead of " + ALPN_PING);
        }
        if (!WebSocketFrames.accept(key).equals(response.header("sec-websocket-accept"))) {
            throw new IOException("the proxy's Sec-WebSocket-Accept does not match the key sent (not a WebSocket"
                    + " server, or something in between rewrote the answer)");
        }
    }

    private static String refusal(int status, String statusLine) {
        if (status == 404) {
            return "the proxy answered 404 to every upgrade form offered (WebSocket, alpn-ping): the address is not"
                    + " a Teleport proxy, or one too old to have the connection upgrade";
        }
        if (status < 0) {
            return "the answer is not HTTP/1.1 ('" + statusLine + "')";
        }
        return "the proxy answered HTTP " + status + " instead of 101 Switching Protocols";
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }
}

package org.teleportj1.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque page tokens of ListAccessLists (the other listings hand out plain keys). */
final class PageTokens {
    private PageTokens() {
    }

    /** ListAccessLists tokens are opaque: the backend key of the first list of the next page. */
    static String encode(String key) {
        return key == null ? "" : Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TeleportStatus.badParameter("invalid page token \"" + token + "\"");
        }
    }
}

package org.teleportj1.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The page tokens of the sandbox's listings. */
final class PageTokens {
    private PageTokens() {
    }

    /**
     * ListUsers tokens have the shape Teleport's auth cache produces: a user name followed by
     * {@code 0} (its backend key separator '/' bumped by one); the page resumes after that name.
     */
    static String userToken(String name) {
        return name + "0";
    }

    static String userAfter(String token) {
        if (!token.endsWith("0") || token.length() < 2) {
            throw TeleportStatus.badParameter("invalid page token \"" + token + "\"");
        }
        return token.substring(0, token.length() - 1);
    }

    /** Access-list tokens are opaque: the backend key of the first item of the next page. */
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

package io.ldist.live.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time: both sides are hashed first, so neither the
 * content nor the length of the expected token shapes the time a wrong guess takes.
 */
final class BearerAuth {

    static final String CHALLENGE = "Bearer realm=\"ldist\"";
    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        this.expectedDigest = sha256(token);
    }

    /** Null when the header carries the token, else why not (for the 401's message). */
    String refusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "this route needs 'Authorization: Bearer <token>'";
        }
        if (authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return "the Authorization header must be 'Bearer <token>'";
        }
        byte[] given = sha256(authorization.substring(SCHEME.length()).strip());
        return MessageDigest.isEqual(expectedDigest, given) ? null : "the bearer token is not the API's";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

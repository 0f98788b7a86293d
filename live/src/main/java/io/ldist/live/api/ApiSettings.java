package io.ldist.live.api;

import java.util.Optional;

/**
 * Where and how the distributor's HTTP API listens, checked once when built.
 *
 * @param host             address to bind: an IP literal or a name that resolves; 127.0.0.1 by default. Any address
 *                         that is not loopback requires a {@code token}, checked when the API starts
 * @param port             TCP port, 0 to pick a free one ({@link DistributorApi#port()} tells which)
 * @param token            bearer token every route but /healthz then requires, whatever the address; null for none,
 *                         which only a loopback address allows
 * @param maxBodyBytes     largest request body accepted; larger ones get 413
 * @param defaultLeaseS    lease given to a task submitted without {@code leaseS}, or null to leave it to the
 *                         distributor's own default
 * @param retryAfterS      Retry-After sent with a 429 or 503 whose raiser did not say
 * @param stopTimeoutMs    how long {@link DistributorApi#stop()} lets requests in flight finish
 */
public record ApiSettings(String host, int port, String token, int maxBodyBytes,
                          Double defaultLeaseS, int retryAfterS, long stopTimeoutMs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8088;
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_BODY_BYTES_LIMIT = 1024 * 1024;
    public static final int DEFAULT_RETRY_AFTER_S = 1;
    public static final long DEFAULT_STOP_TIMEOUT_MS = 5_000;
    /** Shortest token accepted: 16 characters, about 96 bits when drawn from base64. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public ApiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("api host must be an address such as 127.0.0.1, got "
                    + (host == null ? "nothing" : "'" + host + "'"));
        }
        if (!host.equals(host.strip()) || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c > '~')) {
            throw new IllegalArgumentException("api host '" + host
                    + "' must be an IP address or host name, without spaces, scheme or path");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("api port must be 0 (pick a free one) to 65535, got " + port);
        }
        if (token != null) {
            checkToken(token);
        }
        if (maxBodyBytes < 64 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("api maxBodyBytes must be 64 to " + MAX_BODY_BYTES_LIMIT + ", got "
                    + maxBodyBytes);
        }
        if (defaultLeaseS != null && !(defaultLeaseS > 0 && Double.isFinite(defaultLeaseS))) {
            throw new IllegalArgumentException("api defaultLeaseS must be a finite number of seconds > 0, got "
                    + defaultLeaseS);
        }
        if (retryAfterS < 1 || retryAfterS > 3_600) {
            throw new IllegalArgumentException("api retryAfterS must be 1 to 3600 seconds, got " + retryAfterS);
        }
        if (stopTimeoutMs < 0 || stopTimeoutMs > 600_000) {
            throw new IllegalArgumentException("api stopTimeoutMs must be 0 to 600000, got " + stopTimeoutMs);
        }
    }

    /** 127.0.0.1 on the default port, no token, the default limits. */
    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_BODY_BYTES, null,
                DEFAULT_RETRY_AFTER_S, DEFAULT_STOP_TIMEOUT_MS);
    }

    /** 127.0.0.1 on a free port, no token: for tests and local tools. */
    public static ApiSettings loopbackOnFreePort() {
        return defaults().withPort(0);
    }

    public ApiSettings withHost(String newHost) {
        return new ApiSettings(newHost, port, token, maxBodyBytes, defaultLeaseS, retryAfterS,
                stopTimeoutMs);
    }

    public ApiSettings withPort(int newPort) {
        return new ApiSettings(host, newPort, token, maxBodyBytes, defaultLeaseS, retryAfterS,
                stopTimeoutMs);
    }

    /** The bearer token every route but /healthz requires (null for none). */
    public ApiSettings withToken(String newToken) {
        return new ApiSettings(host, port, newToken, maxBodyBytes, defaultLeaseS, retryAfterS,
                stopTimeoutMs);
    }

    public ApiSettings withMaxBodyBytes(int newMaxBodyBytes) {
        return new ApiSettings(host, port, token, newMaxBodyBytes, defaultLeaseS, retryAfterS,
                stopTimeoutMs);
    }

    public ApiSettings withDefaultLeaseS(Double newDefaultLeaseS) {
        return new ApiSettings(host, port, token, maxBodyBytes, newDefaultLeaseS, retryAfterS,
                stopTimeoutMs);
    }

    public ApiSettings withRetryAfterS(int newRetryAfterS) {
        return new ApiSettings(host, port, token, maxBodyBytes, defaultLeaseS, newRetryAfterS,
                stopTimeoutMs);
    }

    public ApiSettings withStopTimeoutMs(long newStopTimeoutMs) {
        return new ApiSettings(host, port, token, maxBodyBytes, defaultLeaseS, retryAfterS,
                newStopTimeoutMs);
    }

    /** The token, when one is set. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(token);
    }

    /** Never prints the token itself. */
    @Override
    public String toString() {
        return "ApiSettings[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "(set)")
                + ", maxBodyBytes=" + maxBodyBytes + ", defaultLeaseS="
                + defaultLeaseS + ", retryAfterS=" + retryAfterS + ", stopTimeoutMs=" + stopTimeoutMs + "]";
    }

    private static void checkToken(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("api token must be at least " + MIN_TOKEN_LENGTH
                    + " characters (for example `openssl rand -base64 32`), got " + token.length());
        }
        if (token.length() > 4_096) {
            throw new IllegalArgumentException("api token must be at most 4096 characters, got " + token.length());
        }
        // RFC 6750 token68: what a client can send after "Bearer " unquoted.
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~+/=".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("api token may hold only letters, digits and -._~+/= (it is "
                        + "sent as 'Authorization: Bearer <token>'); character " + (i + 1) + " is not one");
            }
        }
    }
}

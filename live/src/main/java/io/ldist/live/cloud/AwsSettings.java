package io.ldist.live.cloud;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How ldist talks to AWS: the region, an optional endpoint, the SDK's STANDARD retry strategy as configured here, and
 * timeouts. Checked once, here; {@link AwsClients} builds the SDK clients from it.
 *
 * @param region                 the AWS region, e.g. us-east-1 (required: it is also the signing region)
 * @param endpoint               an AWS-compatible endpoint for every service (moto, LocalStack), or null to let the SDK
 *                               choose (its own {@code AWS_ENDPOINT_URL}/{@code aws.endpointUrl} handling, else AWS)
 * @param maxAttempts            attempts per API call, the first included (1 = no retry)
 * @param backoffBase            base delay of the exponential, jittered backoff between attempts after a 5xx or I/O error
 * @param throttledBackoffBase   base delay after a throttling error (RequestLimitExceeded, Throttling, ...)
 * @param maxBackoff             cap on any single backoff delay
 * @param apiCallTimeout         bound on one API call, all its attempts and backoffs included
 * @param apiCallAttemptTimeout  bound on one HTTP attempt
 */
public record AwsSettings(String region, URI endpoint, int maxAttempts, Duration backoffBase,
                          Duration throttledBackoffBase, Duration maxBackoff, Duration apiCallTimeout,
                          Duration apiCallAttemptTimeout) {

    /** The SDK's STANDARD defaults: 3 attempts, 100 ms base, 1 s after throttling, at most 20 s per delay. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(100);
    public static final Duration DEFAULT_THROTTLED_BACKOFF_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    public AwsSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an AWS region is required (for example us-east-1)");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")))) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL with a host, got '" + endpoint + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), got " + maxAttempts);
        }
        requirePositive(backoffBase, "backoffBase");
        requirePositive(throttledBackoffBase, "throttledBackoffBase");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(apiCallTimeout, "apiCallTimeout");
        requirePositive(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        if (maxBackoff.compareTo(backoffBase) < 0 || maxBackoff.compareTo(throttledBackoffBase) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is below a base delay ("
                    + backoffBase + ", " + throttledBackoffBase + ")");
        }
        if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
            throw new IllegalArgumentException("apiCallAttemptTimeout (" + apiCallAttemptTimeout
                    + ") exceeds apiCallTimeout (" + apiCallTimeout + ")");
        }
    }

    /** The region with the SDK's default endpoint, retries and ldist's default timeouts. */
    public static AwsSettings of(String region) {
        return new AwsSettings(region, null, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_THROTTLED_BACKOFF_BASE,
                DEFAULT_MAX_BACKOFF, DEFAULT_API_CALL_TIMEOUT, DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    public AwsSettings withEndpoint(URI newEndpoint) {
        return new AwsSettings(region, newEndpoint, maxAttempts, backoffBase, throttledBackoffBase, maxBackoff,
                apiCallTimeout, apiCallAttemptTimeout);
    }

    public AwsSettings withRetries(int newMaxAttempts, Duration newBackoffBase, Duration newThrottledBackoffBase,
                                   Duration newMaxBackoff) {
        return new AwsSettings(region, endpoint, newMaxAttempts, newBackoffBase, newThrottledBackoffBase, newMaxBackoff,
                apiCallTimeout, apiCallAttemptTimeout);
    }

    public AwsSettings withTimeouts(Duration newApiCallTimeout, Duration newApiCallAttemptTimeout) {
        return new AwsSettings(region, endpoint, maxAttempts, backoffBase, throttledBackoffBase, maxBackoff,
                newApiCallTimeout, newApiCallAttemptTimeout);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

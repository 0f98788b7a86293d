package io.ldist.live.cloud;

import java.util.Objects;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one live run, all built alike from {@link AwsSettings}: region, endpoint (when set; otherwise the
 * SDK's own resolution, which honours {@code AWS_ENDPOINT_URL}), the STANDARD retry strategy with the configured
 * attempts and backoff, timeouts, and the url-connection HTTP client. Credentials come from the SDK's default chain
 * unless a provider is passed (tests pass static ones). Close it to release the clients.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final Ec2Client ec2;
    private final CloudWatchClient cloudWatch;
    private final SsmClient ssm;

    /** Clients with credentials from the SDK's default chain (environment, profile, container or instance role). */
    public AwsClients(AwsSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build(), true);
    }

    /** Clients with these credentials (not closed by {@link #close()}). */
    public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
        this(settings, credentials, false);
    }

    private AwsClients(AwsSettings settings, AwsCredentialsProvider credentials, boolean ownsCredentials) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.ownsCredentials = ownsCredentials;
        this.ec2 = configure(Ec2Client.builder(), settings, credentials).build();
        this.cloudWatch = configure(CloudWatchClient.builder(), settings, credentials).build();
        this.ssm = configure(SsmClient.builder(), settings, credentials).build();
    }

    /**
     * Applies the settings to any SDK client builder (for a service this class does not build). The builder gets its
     * own HTTP client, closed with the client.
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(B builder, AwsSettings settings, AwsCredentialsProvider credentials) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.apiCallAttemptTimeout())
                        .socketTimeout(settings.apiCallAttemptTimeout()));
        settings.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The SDK's STANDARD retry strategy (AWS's retryable and throttling conditions) with these attempts and delays. */
    public static StandardRetryStrategy retryStrategy(AwsSettings settings) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.maxBackoff()))
                .throttlingBackoffStrategy(
                        BackoffStrategy.exponentialDelay(settings.throttledBackoffBase(), settings.maxBackoff()))
                .build();
    }

    private static ClientOverrideConfiguration overrides(AwsSettings settings) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy(settings))
                .apiCallTimeout(settings.apiCallTimeout())
                .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                .build();
    }

    public AwsSettings settings() {
        return settings;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    public SsmClient ssm() {
        return ssm;
    }

    @Override
    public void close() {
        ec2.close();
        cloudWatch.close();
        ssm.close();
        if (ownsCredentials && credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}

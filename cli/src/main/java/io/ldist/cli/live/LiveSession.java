package io.ldist.cli.live;

import io.ldist.cli.BadInputException;
import io.ldist.cli.FailureException;
import io.ldist.live.LiveConfig;
import io.ldist.live.cloud.AwsClients;
import io.ldist.live.cloud.AwsCloud;
import io.ldist.live.cloud.AwsSettings;
import io.ldist.live.cloud.CloudException;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.hypervisor.PrivateDnsResolver;
import io.ldist.live.hypervisor.SimulatedHypervisor;
import io.ldist.live.hypervisor.SsmHyperV;
import io.ldist.live.loop.LiveDistributor;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.function.Consumer;

/**
 * One live command's wiring: credentials, the SDK clients, the cluster's cloud, the hypervisor, the journal and the
 * distributor over them. Everything a user can fix (no credentials, a journal held by another run, an endpoint
 * that does not answer) is turned into a plain error here, before or at the first call; closing releases the
 * journal's lock and the clients.
 */
final class LiveSession implements AutoCloseable {
    /** What the session may do: plan reads the journal beside a running process; run holds it. */
    enum Mode {
        PLAN, DRY_RUN, APPLY
    }

    private final DefaultCredentialsProvider credentials;
    private final AwsClients clients;
    private final LiveDistributor distributor;

    private LiveSession(DefaultCredentialsProvider credentials, AwsClients clients, LiveDistributor distributor) {
        this.credentials = credentials;
        this.clients = clients;
        this.distributor = distributor;
    }

    static LiveSession open(LiveConfig config, Mode mode, Consumer<String> log) {
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            credentials.close();
            throw new FailureException("ldist live: no AWS credentials found (environment AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, a profile, or an instance role); against moto any values do, e.g. "
                    + "AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing");
        }
        AwsClients clients = new AwsClients(AwsSettings.of(config.region()).withEndpoint(config.endpoint()),
                credentials);
        Journal journal;
        try {
            journal = mode == Mode.PLAN ? Journal.openReadOnly(config.stateDir()) : Journal.open(config.stateDir());
        } catch (IllegalStateException e) {
            close(clients, credentials);
            throw new BadInputException("ldist live: " + e.getMessage());
        } catch (RuntimeException e) {
            close(clients, credentials);
            throw e;
        }
        try {
            LiveDistributor distributor = new LiveDistributor(config, new AwsCloud(config.cluster(), clients),
                    hypervisor(config, clients), journal, System::currentTimeMillis, mode == Mode.APPLY,
                    CrashPoint.NEVER, log);
            return new LiveSession(credentials, clients, distributor);
        } catch (CloudException e) {
            journal.close();
            close(clients, credentials);
            throw unreachable(config, e.getMessage());
        } catch (RuntimeException e) {
            journal.close();
            close(clients, credentials);
            throw e;
        }
    }

    private static Hypervisor hypervisor(LiveConfig config, AwsClients clients) {
        return config.hypervisor().equals("simulated") ? new SimulatedHypervisor()
                : new SsmHyperV(clients.ssm(), new PrivateDnsResolver(clients.ec2()));
    }

    /** The error for a round whose observation failed: the endpoint, the credentials or the permissions. */
    static FailureException unreachable(LiveConfig config, String why) {
        String where = config.endpoint() != null ? config.endpoint().toString()
                : "AWS in " + config.region() + " (or AWS_ENDPOINT_URL)";
        return new FailureException("ldist live: cluster " + config.cluster() + " at " + where + ": " + why);
    }

    LiveDistributor distributor() {
        return distributor;
    }

    @Override
    public void close() {
        try {
            distributor.close(); // closes the journal, releasing its lock
        } finally {
            close(clients, credentials);
        }
    }

    private static void close(AwsClients clients, DefaultCredentialsProvider credentials) {
        clients.close();
        credentials.close();
    }
}

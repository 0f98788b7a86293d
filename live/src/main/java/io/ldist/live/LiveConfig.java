package io.ldist.live;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.model.HostType;
import io.ldist.live.cloud.LaunchSpec;
import io.ldist.live.execute.SafetyCaps;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything {@code ldist live} runs from: the cluster it owns, where and how it launches servers, the engine's
 * policies (the same settings a scenario gives the simulator), the safety caps, the loop's timing and the API.
 *
 * @param cluster           the value of the {@code ldist:cluster} tag; only instances carrying it are ever changed
 * @param region            AWS region (also needed for signing against a local endpoint)
 * @param endpoint          an AWS-compatible endpoint for every service, or null for AWS itself (the SDK then also
 *                          honours AWS_ENDPOINT_URL)
 * @param hostType          what a launched server offers and costs (the engine's model of {@code launch.instanceType})
 * @param engine            the policies, as a scenario's {@code policies} section gives them
 * @param intervalS         seconds between whole decisions (observe, decide, check, apply)
 * @param metricsStaleAfterS a server whose newest CPU figure is older than this counts as one missed health check
 * @param hypervisor        "ssm" (Hyper-V through Run Command) or "simulated" (VMs kept in memory)
 * @param stateDir          the journal and the recorded trace live here
 */
public record LiveConfig(String name, String cluster, String region, URI endpoint, LaunchSpec launch, HostType hostType,
                         EngineSettings engine, SafetyCaps caps, double intervalS, double metricsStaleAfterS,
                         String hypervisor, Path stateDir, ApiBinding api) {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public LiveConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        if (!CLUSTER_NAME.matcher(cluster).matches()) {
            throw new IllegalArgumentException("cluster must be letters, digits, '.', '_' or '-' (at most 63), was \""
                    + cluster + "\"");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(hostType, "hostType");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(api, "api");
        if (!(intervalS > 0)) {
            throw new IllegalArgumentException("interval must be > 0, was " + intervalS);
        }
        if (!(metricsStaleAfterS > 0)) {
            throw new IllegalArgumentException("metricsStaleAfter must be > 0, was " + metricsStaleAfterS);
        }
        if (!hypervisor.equals("ssm") && !hypervisor.equals("simulated")) {
            throw new IllegalArgumentException("hypervisor must be ssm or simulated, was " + hypervisor);
        }
    }

    /**
     * Where the API listens and what it accepts.
     *
     * @param tokenFile a file holding the bearer token (required when {@code host} is not a loopback address), or null
     * @param maxQueuedTasks POST /tasks answers 429 beyond this many queued tasks
     * @param defaultLeaseS  a running task never reported done is taken as failed after this long
     */
    public record ApiBinding(String host, int port, Path tokenFile, int maxBodyBytes, int maxQueuedTasks,
                             double defaultLeaseS) {
        public ApiBinding {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("api port must be in [0, 65535], was " + port);
            }
            if (maxBodyBytes < 64) {
                throw new IllegalArgumentException("api maxBodyBytes must be >= 64, was " + maxBodyBytes);
            }
            if (maxQueuedTasks < 1) {
                throw new IllegalArgumentException("api maxQueuedTasks must be >= 1, was " + maxQueuedTasks);
            }
            if (!(defaultLeaseS > 0)) {
                throw new IllegalArgumentException("api lease must be > 0, was " + defaultLeaseS);
            }
        }
    }
}

package io.ldist.live.loop;

import io.ldist.live.api.ClusterReport;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.fakes.InMemoryCloud;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import io.ldist.live.observe.Observer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredMemoryTest {
    @TempDir
    Path dir;

    private final InMemoryCloud cloud = new InMemoryCloud();
    private final LiveHarness live = new LiveHarness(cloud);

    @Test
    void memoryInUseIsShownWhenTheCloudWatchAgentPublishesItAndNullWhenItDoesNotOrIsStale() {
        try (LiveDistributor d = live.distributor(LiveConfigs.demo(dir, 2, 6, 0, LiveConfigs.roomy()), true,
                CrashPoint.NEVER)) {
            live.round(d);
            live.round(d);
            String reporting = cloud.ids().get(0);
            String silent = cloud.ids().get(1);
            cloud.setMetric(Observer.AGENT_NAMESPACE, Observer.MEMORY_METRIC, reporting,
                    live.clock.get() / 1000 + 60, 42.5);
            live.round(d);

            ClusterReport cluster = d.cluster();
            assertThat(host(cluster, reporting).memoryUtilization()).isEqualTo(0.425);
            assertThat(host(cluster, silent).memoryUtilization()).isNull();
            assertThat(host(cluster, reporting).gpuUtilization()).isNull(); // m5.metal has no GPU: never asked

            for (int i = 0; i < 4; i++) { // metricsStaleAfter is 3 minutes
                live.round(d);
            }
            assertThat(host(d.cluster(), reporting).memoryUtilization()).isNull();
        }
    }

    private static ClusterReport.HostReport host(ClusterReport cluster, String instanceId) {
        return cluster.hosts().stream().filter(h -> instanceId.equals(h.instanceId())).findFirst().orElseThrow();
    }
}

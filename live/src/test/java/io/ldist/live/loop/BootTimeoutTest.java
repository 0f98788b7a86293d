package io.ldist.live.loop;

import io.ldist.live.api.ClusterReport;
import io.ldist.live.execute.CrashPoint;
import io.ldist.live.fakes.InMemoryCloud;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.LiveHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootTimeoutTest {
    @TempDir
    Path dir;

    private final InMemoryCloud cloud = new InMemoryCloud();
    private final LiveHarness live = new LiveHarness(cloud);

    @Test
    void aServerThatNeverFinishesBootingIsTerminatedAndReplaced() {
        try (LiveDistributor d = live.distributor(LiveConfigs.demo(dir, 2, 6, 0, LiveConfigs.roomy()), true,
                CrashPoint.NEVER)) {
            live.round(d); // launches two servers
            List<String> launched = cloud.ids();
            assertThat(launched).hasSize(2);
            String stuck = launched.get(0);
            live.hypervisor.setUnreachable(stuck, true); // EC2 says running, Hyper-V never answers
            // m5.metal boots in 240 s: it is given up 720 s (three times that) after the first round that saw it
            // booting, the one after the launch.
            for (int minute = 0; minute < 12; minute++) {
                live.round(d);
                assertThat(cloud.state(stuck)).isNotEqualTo("terminated");
            }
            live.round(d);
            live.round(d);

            assertThat(cloud.state(stuck)).isEqualTo("terminated");
            assertThat(live.log).anySatisfy(l -> assertThat(l).contains(stuck).contains("still booting after")
                    .contains("the limit is 720 s"));
            assertThat(d.counters()).containsEntry("boots_abandoned", 1L);
            ClusterReport cluster = d.cluster();
            long active = cluster.hosts().stream().filter(h -> h.state().equals("active")).count();
            assertThat(cloud.ids()).hasSize(3);
            live.round(d);
            live.round(d);
            assertThat(d.cluster().hosts().stream().filter(h -> h.state().equals("active")).count())
                    .isGreaterThanOrEqualTo(Math.max(2, active));
        }
    }
}

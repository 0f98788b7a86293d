package io.ldist.live.api;

import io.ldist.live.execute.CrashPoint;
import io.ldist.live.execute.Journal;
import io.ldist.live.fakes.InMemoryCloud;
import io.ldist.live.fakes.LiveConfigs;
import io.ldist.live.fakes.MemoryHypervisor;
import io.ldist.live.loop.LiveDistributor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API in front of the real distributor (the engine's per-task path, the journal forced per task record), its
 * cloud and hypervisor in memory. The short form checks correctness only; the sustained form prints the rate:
 * <pre>
 * ./mvnw -q -B -o test -pl engine,live -Dtest=EngineApiLoadTest -Dsurefire.failIfNoSpecifiedTests=false -Dldist.load.engineTasks=20000
 * </pre>
 */
@Tag("load")
class EngineApiLoadTest {
    @TempDir
    Path dir;

    private LiveDistributor readyDistributor() {
        InMemoryCloud cloud = new InMemoryCloud();
        long[] clock = {1_800_000_000_000L};
        LiveDistributor d = new LiveDistributor(LiveConfigs.demo(dir, 4, 8, 0, LiveConfigs.roomy()), cloud,
                new MemoryHypervisor(), Journal.open(dir), () -> clock[0], true, CrashPoint.NEVER, line -> { });
        for (int i = 0; i < 3; i++) {
            clock[0] += 60_000;
            d.reconcile();
        }
        return d;
    }

    @Test
    void shortRun_everyTaskAnsweredByTheEngineAndDone() throws InterruptedException {
        try (LiveDistributor d = readyDistributor()) {
            ApiLoad.Result result = new ApiLoad(d).run(new ApiLoad.Plan(8, 300, Duration.ofSeconds(30)));
            System.out.println(result.report());
            assertThat(result.otherStatuses()).isEmpty();
            assertThat(result.done()).isEqualTo(300);
            assertThat(result.unfinished()).isZero();
            assertThat(d.counters()).containsEntry("tasks_submitted", 300L).containsEntry("tasks_finished", 300L);
            assertThat(d.cluster().runningTasks()).isZero();
            assertThat(d.cluster().queuedTasks()).isZero();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "ldist.load.engineTasks", matches = "[0-9]+")
    void sustained_printsRateAndLatency() throws InterruptedException {
        try (LiveDistributor d = readyDistributor()) {
            ApiLoad.Result result = new ApiLoad(d).run(new ApiLoad.Plan(Integer.getInteger("ldist.load.clients", 16),
                    Integer.getInteger("ldist.load.engineTasks"), Duration.ofSeconds(120)));
            System.out.println(result.report());
            assertThat(result.otherStatuses()).isEmpty();
            assertThat(result.unfinished()).isZero();
        }
    }
}

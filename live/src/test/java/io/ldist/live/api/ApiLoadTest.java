package io.ldist.live.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API under concurrent clients on 127.0.0.1. The short form runs in every build and checks correctness only
 * (every task answered and done, none lost, the distributor agreeing), never timing. The sustained form runs only
 * when asked, and prints the rate and latency percentiles:
 * <pre>
 * ./mvnw -q -B -o test -pl engine,live -Dgroups=load -Dldist.load.tasks=200000 -Dldist.load.clients=16 \
 *     -Dldist.load.maxSeconds=60
 * </pre>
 * To load another distributor (the engine's), build it and pass it to {@code new ApiLoad(distributor)}.
 */
@Tag("load")
class ApiLoadTest {

    @Test
    void shortRun_everyTaskAnsweredAndDone_noneLost() throws InterruptedException {
        // Fewer slots than clients, and a short queue: queueing and 429s are exercised too.
        FakeDistributor distributor = new FakeDistributor(2, 3, 4);
        ApiLoad.Plan plan = new ApiLoad.Plan(12, 400, Duration.ofSeconds(20));

        ApiLoad.Result result = new ApiLoad(distributor).run(plan);

        System.out.println(result.report());
        assertThat(result.otherStatuses()).isEmpty();
        assertThat(result.submitted()).isEqualTo(400);
        assertThat(result.done()).isEqualTo(400);
        assertThat(result.unfinished()).isZero();
        assertThat(distributor.accepted().keySet()).containsExactlyInAnyOrderElementsOf(result.doneIds());
        assertThat(distributor.counters()).containsEntry("tasks_submitted", 400L)
                .containsEntry("tasks_finished", 400L);
        assertThat(distributor.runningTotal()).isZero();
        assertThat(distributor.queued()).isZero();
        for (String id : result.doneIds()) {
            assertThat(distributor.task(id).orElseThrow().state()).isEqualTo("done");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "ldist.load.tasks", matches = "[0-9]+")
    void sustained_printsRateAndLatency() throws InterruptedException {
        int tasks = Integer.getInteger("ldist.load.tasks");
        int clients = Integer.getInteger("ldist.load.clients", 16);
        int maxSeconds = Integer.getInteger("ldist.load.maxSeconds", 60);
        FakeDistributor distributor = new FakeDistributor(64, 4, 1_024);

        ApiLoad.Result result = new ApiLoad(distributor).run(
                new ApiLoad.Plan(clients, tasks, Duration.ofSeconds(maxSeconds)));

        System.out.println(result.report());
        assertThat(result.otherStatuses()).isEmpty();
        assertThat(result.unfinished()).isZero();
        assertThat(distributor.counters().get("tasks_finished")).isEqualTo((long) result.done());
    }
}

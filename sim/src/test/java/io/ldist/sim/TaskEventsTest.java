package io.ldist.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskShape;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.sim.world.SimTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What happens to tasks that cannot run, in events.csv and the summary: a task larger than a VM is dropped as
 * it arrives; a task that fails on a flaky server is logged each time, and dropped after its last attempt;
 * the circuit breaker's changes of state are logged.
 */
class TaskEventsTest {
    private static final VmType WORKER = new VmType("worker", 4, 2000, 0, 16384, 1000, 4);

    private static SimulationSpec spec(Distribution cpu, TaskCeiling ceiling, Faults faults) {
        return spec(cpu, ceiling, faults, 300, 120, Double.POSITIVE_INFINITY);
    }

    private static SimulationSpec spec(Distribution cpu, TaskCeiling ceiling, Faults faults, double perHour,
                                       double durationS, double maxWaitS) {
        TaskShape shape = new TaskShape(cpu, new Distribution.Fixed(0), new Distribution.Fixed(1024),
                new Distribution.Fixed(durationS), Double.POSITIVE_INFINITY);
        return new SimulationSpec("events", 3, 2 * 3600, 60,
                List.of(new HostGroup(SimulationProperties.METAL, 2, HostState.ACTIVE)),
                new TaskStreamWorkload(new TaskSource.PoissonArrivals(perHour / 3600, null, List.of(), shape),
                        TaskRecovery.RESTART, 2, maxWaitS, ceiling),
                MigrationModel.STUDY, 10, faults);
    }

    @Test
    void tasksQueuedLongerThanMaxWait_areAllDroppedAtTheNextArrival() {
        // 16 slots, tasks of an hour arriving 200 an hour: the queue grows, and none may wait over 5 minutes.
        double maxWait = 300;
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(spec(new Distribution.Fixed(1000), TaskCeiling.NONE, Faults.NONE,
                200, 3600, maxWait), engine(null).newEngine(), events::add, null).run();

        List<EventRow> waited = events.stream().filter(e -> e.kind().equals("TaskDropped")
                && e.reason().equals("WAITED")).toList();
        assertThat(waited).hasSizeGreaterThan(100);
        assertThat(result.summary().get("tasksDropped").longValue()).isEqualTo(waited.size());
        Map<Long, Double> droppedAt = new HashMap<>();
        Map<Long, Double> startedAt = new HashMap<>();
        for (EventRow e : events) {
            if (e.kind().equals("TaskDropped")) {
                droppedAt.put(e.task(), e.timeS());
            } else if (e.kind().equals("AssignTask")) {
                startedAt.putIfAbsent(e.task(), e.timeS());
            }
        }
        Set<Double> dropInstants = new TreeSet<>(droppedAt.values());
        // At every instant tasks were dropped, every task then queued for longer than maxWait was dropped too.
        for (SimTask task : result.finalFleet().tasks().all()) {
            double arrived = task.spec().arrivalS();
            double left = Math.min(droppedAt.getOrDefault(task.id(), Double.POSITIVE_INFINITY),
                    startedAt.getOrDefault(task.id(), Double.POSITIVE_INFINITY));
            for (double t : dropInstants) {
                if (t > arrived + maxWait && t <= left) {
                    assertThat(droppedAt.get(task.id())).as("task-%d, queued since %s, at %s", task.id(), arrived, t)
                            .isEqualTo(t);
                }
            }
            if (droppedAt.containsKey(task.id())) {
                assertThat(droppedAt.get(task.id()) - arrived).isGreaterThan(maxWait);
            }
        }
    }

    private static EngineSettings engine(CircuitBreakerSettings breaker) {
        return new EngineSettings(new FleetRules(3, VmSizing.RESERVATION), EngineSettings.WEIGHTED_SCORER,
                LoadWeights.DEFAULT, "least-loaded", null, null, null, false, null, 3, breaker,
                new VmTemplate(WORKER, 2), new PolicyContext(60, 0.5, 3));
    }

    @Test
    void tasksLargerThanAVm_areDroppedAsTheyArrive_andNoneRuns() {
        TaskCeiling oneWorker = new TaskCeiling(WORKER.totalMips(), WORKER.ramMb(), WORKER.gpus(), "one VM");
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(spec(new Distribution.Exponential(4000), oneWorker, Faults.NONE),
                engine(null).newEngine(), events::add, null).checkingInvariantsAfterEveryPlan().run();

        List<EventRow> dropped = events.stream().filter(e -> e.kind().equals("TaskDropped")).toList();
        assertThat(dropped).isNotEmpty().allMatch(e -> e.reason().equals("NEVER_FITS"))
                .allMatch(e -> e.detail().startsWith("asks for cpuMips ") && e.detail().endsWith("(of at most 8000)"));
        assertThat(result.summary().get("tasksDropped").longValue()).isEqualTo(dropped.size());
        assertThat(result.summary().get("tasksCompleted").longValue() + dropped.size())
                .isLessThanOrEqualTo(result.summary().get("tasksArrived").longValue());
        // About e^-2 of the tasks (those above 8000 MIPS with a mean of 4000) cannot run.
        double share = dropped.size() / result.summary().get("tasksArrived").doubleValue();
        assertThat(share).isBetween(0.07, 0.21);
    }

    @Test
    void failingTasks_areLoggedEachTime_andDroppedAfterTheirLastAttempt_andTheBreakerIsLogged() {
        Faults flaky = new Faults(List.of(), null, List.of(new Faults.FlakyHost(0, 0, 7200, 1.0)));
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = new Simulation(spec(new Distribution.Fixed(1000), TaskCeiling.NONE, flaky),
                engine(new CircuitBreakerSettings(0.5, 3, 600, 300)).newEngine(), events::add, null).run();

        List<EventRow> failed = events.stream().filter(e -> e.kind().equals("TaskFailed")).toList();
        List<EventRow> dropped = events.stream().filter(e -> e.kind().equals("TaskDropped")).toList();
        assertThat(failed).isNotEmpty().allMatch(e -> e.host() == 0 && e.reason().equals("FAULT"));
        assertThat(dropped).allMatch(e -> e.reason().equals("FAILED") && e.detail().equals("failed 2 times"));
        assertThat(result.summary().get("tasksDropped").longValue()).isEqualTo(dropped.size());
        // Every task that failed twice is dropped, once.
        long failedTwice = failed.stream().filter(e -> e.detail().equals("attempt 2 of 2")).count();
        assertThat(dropped).hasSize((int) failedTwice);
        List<String> breaker = events.stream().filter(e -> e.kind().equals("CircuitBreaker") && e.host() == 0)
                .map(EventRow::reason).toList();
        assertThat(breaker).startsWith("OPEN", "HALF_OPEN", "OPEN");
    }
}

package io.ldist.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.cost.CostModel;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.pool.FleetPool;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.HostGroup;
import io.ldist.scenario.spec.MigrationModel;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskSpec;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.sim.world.VirtualFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

/**
 * A fleet of a CPU pool and a GPU pool keeps its pools apart under any load, placement, crash and scaling: no
 * server ever runs another pool's VM, a task that needs no GPU never runs on a GPU pool's VM (the CPU pool's VM
 * holds every such task), a GPU task only on one; each pool's servers stay within its own bounds (its maxHosts,
 * and beyond it only servers draining, crashed or launched into standby); and the pools' task counts add up to
 * the run's.
 */
class PoolProperties {
    private static final HostType CPU_HOST = new HostType("cpu-host", 32, 2000, 0, 131072, 10000, 2.0,
            new PowerCurve(100, 150, 200, 250), 120, 30);
    private static final HostType GPU_HOST = new HostType("gpu-host", 32, 2000, 4, 131072, 10000, 6.0,
            new PowerCurve(150, 250, 350, 450), 180, 60);
    private static final VmType WORKER = new VmType("worker", 8, 2000, 0, 32768, 1000, 4);
    private static final VmType GPU_WORKER = new VmType("gpu-worker", 8, 2000, 2, 32768, 1000, 2);

    @Property(tries = 25)
    void poolsStayApart_andWithinTheirBounds(@ForAll @DoubleRange(min = 100, max = 900) double perHour,
                                             @ForAll @IntRange(min = 1, max = 4) int cpuMax,
                                             @ForAll @IntRange(min = 1, max = 3) int gpuMax,
                                             @ForAll("placements") String placement,
                                             @ForAll boolean crash,
                                             @ForAll @IntRange(min = 0, max = 1_000_000) long seed) {
        FleetPools pools = new FleetPools(List.of(
                new FleetPool("cpu", List.of(CPU_HOST), new VmTemplate(WORKER, 3), scaling(CPU_HOST, cpuMax)),
                new FleetPool("gpu", List.of(GPU_HOST), new VmTemplate(GPU_WORKER, 2), scaling(GPU_HOST, gpuMax))));
        List<TaskSpec> tasks = tasks(perHour, seed);
        List<EventRow> events = new ArrayList<>();
        SimulationResult run = run(pools, tasks, placement, crash, seed, events);

        assertThat(run.endStateConsistent()).isTrue();
        VirtualFleet fleet = run.finalFleet();
        for (EventRow row : events) {
            if (row.kind().equals("PlaceVm") || row.kind().equals("MigrateVm") && row.toHost() >= 0) {
                int host = row.kind().equals("PlaceVm") ? row.host() : row.toHost();
                assertThat(pools.admits(fleet.hostType(host), fleet.vmType(row.vm())))
                        .as("%s of VM %d (%s) onto server %d (%s)", row.kind(), row.vm(),
                                fleet.vmType(row.vm()).name(), host, fleet.hostType(host).name()).isTrue();
            }
            if (row.kind().equals("AssignTask")) {
                TaskSpec task = tasks.get((int) row.task());
                VmType vm = fleet.vmType(row.vm());
                assertThat(vm.gpus() > 0).as("task %d asking for %s GPUs on a %s", row.task(), task.gpus(),
                        vm.name()).isEqualTo(task.gpus() > 0);
            }
        }
        Map<String, Number> s = run.summary();
        // Scaling caps the servers it counts as running (booting, active) at the pool's maxHosts; those paid for
        // may also be draining, crashed, or launched for the standby pool: each such event raises the bound by one.
        int[] beyond = new int[2];
        for (EventRow row : events) {
            boolean toStandby = row.kind().equals("LaunchHost") && row.detail().endsWith("into standby");
            if (toStandby || row.kind().equals("DrainHost") || row.kind().equals("HostCrashed")) {
                beyond[pools.poolOf(fleet.hostType(row.host()))]++;
            }
        }
        assertThat(s.get("pool.cpu.peakHosts").intValue()).isLessThanOrEqualTo(cpuMax + beyond[0]);
        assertThat(s.get("pool.gpu.peakHosts").intValue()).isLessThanOrEqualTo(gpuMax + beyond[1]);
        for (String metric : List.of("tasksArrived", "tasksCompleted", "tasksLate", "tasksDropped")) {
            assertThat(s.get("pool.cpu." + metric).longValue() + s.get("pool.gpu." + metric).longValue())
                    .as(metric).isEqualTo(s.get(metric).longValue());
        }
    }

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of("least-loaded", "first-fit", "best-fit", "worst-fit");
    }

    private static ScalingSettings scaling(HostType type, int max) {
        return new ScalingSettings(0.7, 0.2, 300, 300, 1, max, 1, type, 1, false);
    }

    /** Two hours of tasks, one in four asking for one or two GPUs. */
    private static List<TaskSpec> tasks(double perHour, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TaskSpec> tasks = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) * 3600 / perHour;
            if (t >= 2 * 3600) {
                return tasks;
            }
            double gpus = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            double duration = 60 + random.nextDouble() * 900;
            tasks.add(new TaskSpec(t, 500 + random.nextDouble() * 12000, gpus, 512 + random.nextDouble() * 8000,
                    duration, t + 4 * duration));
        }
    }

    private static SimulationResult run(FleetPools pools, List<TaskSpec> tasks, String placement, boolean crash,
                                        long seed, List<EventRow> events) {
        List<Faults.HostCrash> crashes = crash ? List.of(new Faults.HostCrash(Faults.HostCrash.BUSIEST, 2400, 600))
                : List.of();
        SimulationSpec spec = new SimulationSpec("pools", seed, 2 * 3600, 60,
                List.of(new HostGroup(CPU_HOST, 1, HostState.ACTIVE), new HostGroup(CPU_HOST, 1, HostState.STANDBY),
                        new HostGroup(GPU_HOST, 1, HostState.ACTIVE)),
                new TaskStreamWorkload(new TaskSource.TaskList(tasks), TaskRecovery.RESTART, 3, 1800,
                        TaskCeiling.NONE, List.of(), true),
                MigrationModel.STUDY, 10, new Faults(crashes, null, List.of()), CostModel.NONE);
        EngineSettings engine = new EngineSettings(new FleetRules(3, VmSizing.RESERVATION).withPools(pools),
                EngineSettings.WEIGHTED_SCORER, LoadWeights.DEFAULT, placement, null, null, null, false, null,
                3, null, null, new PolicyContext(60, 0.5, seed));
        return new Simulation(spec, engine.newEngine(), events::add, null).checkingInvariantsAfterEveryPlan().run();
    }
}

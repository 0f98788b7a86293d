package io.ldist.engine.bench;

import io.ldist.engine.dispatch.DispatchIndex;
import io.ldist.engine.dispatch.HostGate;
import io.ldist.engine.model.Resources;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.score.DominantResourceScorer;
import io.ldist.engine.score.LoadWeights;
import io.ldist.engine.score.Scorer;
import io.ldist.engine.score.WeightedLoadScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One task assignment on a fleet of 10,000 servers (30,000 VMs, random load), for each placement policy:
 * {@code choose} asks the dispatch index where a task goes; {@code assignAndEnd} is the per-task path's
 * steady state: choose, record the task on its VM, end a task elsewhere and read that server again from the
 * view. Run by docs/bench/jmh.sh; figures in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AssignBenchmark {
    @Param({"least-loaded", "least-loaded/dominant-resource", "first-fit", "best-fit", "worst-fit",
            "first-fit-decreasing", "pabfd"})
    public String placement;

    @Param("10000")
    public int servers;

    /**
     * Task sizes: "round" are multiples of 2,500 MIPS and 2 GiB, as the fleet's tasks (on m5.metal, pabfd's rise
     * is then an exact multiple of its microwatt grid, the case rounding decides); "off-grid" are any size in the
     * same ranges.
     */
    @Param("round")
    public String demandSizes;

    private ArrayFleet fleet;
    private DispatchIndex index;
    private SplittableRandom random;
    private final Resources[] demands = new Resources[1024];
    private int next;

    @Setup
    public void setUp() {
        String[] parts = placement.split("/");
        Scorer scorer = parts.length > 1 ? new DominantResourceScorer() : new WeightedLoadScorer(LoadWeights.DEFAULT);
        PlacementPolicy policy = PlacementPolicies.family(scorer).create(PolicyChoice.of(parts[0]),
                PolicyContext.DEFAULT);
        fleet = new ArrayFleet(servers, 3, 42);
        index = new DispatchIndex(policy);
        index.load(fleet, HostGate.ALWAYS_OPEN);
        random = new SplittableRandom(7);
        boolean round = demandSizes.equals("round");
        if (!round && !demandSizes.equals("off-grid")) {
            throw new IllegalArgumentException("demandSizes is round or off-grid, not " + demandSizes);
        }
        for (int i = 0; i < demands.length; i++) {
            demands[i] = round ? new Resources(2500 + random.nextInt(5) * 2500, 0, 2048 + random.nextInt(11) * 2048, 0)
                    : new Resources(2500 + random.nextDouble() * 10000, 0, 2048 + random.nextDouble() * 20480, 0);
        }
    }

    @Benchmark
    public int choose() {
        return index.choose(demands[next++ & 1023]);
    }

    @Benchmark
    public int assignAndEnd() {
        Resources demand = demands[next++ & 1023];
        int vm = index.choose(demand);
        if (vm >= 0) {
            index.assign(vm, demand);
            fleet.tasks[vm]++;
            fleet.cpu[vm] += demand.cpuMips();
            fleet.ram[vm] += demand.ramMb();
        }
        int ended = random.nextInt(fleet.vmCount());
        if (fleet.tasks[ended] > 0) {
            fleet.cpu[ended] -= fleet.cpu[ended] / fleet.tasks[ended];
            fleet.ram[ended] -= fleet.ram[ended] / fleet.tasks[ended];
            fleet.tasks[ended]--;
        }
        index.refresh(fleet.vmHost(ended), fleet);
        if (vm >= 0 && fleet.vmHost(vm) != fleet.vmHost(ended)) {
            index.refresh(fleet.vmHost(vm), fleet); // as the next per-task decision reads it from the view
        }
        return vm;
    }
}

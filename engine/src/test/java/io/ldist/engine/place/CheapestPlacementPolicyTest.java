package io.ldist.engine.place;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.cost.HostTypeCosts;
import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CheapestPlacementPolicyTest {
    private static final PowerCurve FLAT = PowerCurve.constant(200);
    /** The same capacity, at two prices. */
    private static final HostType DEAR = new HostType("dear", 10, 1000, 0, 10240, 1000, 4.0, FLAT, 0, 0);
    private static final HostType CHEAP = new HostType("cheap", 10, 1000, 0, 10240, 1000, 3.0, FLAT, 0, 0);
    private static final Resources TASK = new Resources(1000, 0, 512, 0);

    /** Servers of the given types, each with the given CPU demand (MIPS) and running tasks. */
    private record Loads(List<HostType> types, double[] cpu, int[] tasks) implements HostLoads {
        @Override
        public HostType hostType(int host) {
            return types.get(host);
        }

        @Override
        public double demandCpu(int host) {
            return cpu[host];
        }

        @Override
        public double demandRam(int host) {
            return 0;
        }

        @Override
        public double demandGpu(int host) {
            return 0;
        }

        @Override
        public int runningTasks(int host) {
            return tasks[host];
        }

        @Override
        public int taskSlots(int host) {
            return 100;
        }
    }

    @Test
    void aBusyServerChargesTheShareOfItsPriceTheTaskTakes() {
        var policy = new CheapestPlacementPolicy(CostModel.NONE);
        var loads = new Loads(List.of(DEAR, CHEAP), new double[] {2000, 2000}, new int[] {2, 2});

        // A tenth of the CPU (the tightest resource: 512 MiB is a twentieth of the memory).
        assertThat(policy.rankForTask(0, TASK, loads)).isCloseTo(0.4, within(1e-12));
        assertThat(policy.rankForTask(1, TASK, loads)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void anEmptyServerChargesItsWholePriceSoBusyServersFillFirst() {
        var policy = new CheapestPlacementPolicy(CostModel.NONE);
        // The cheap server is empty, the dear one runs work: running the task on the empty one would keep a
        // whole server from being scaled in.
        var loads = new Loads(List.of(DEAR, CHEAP), new double[] {2000, 0}, new int[] {2, 0});

        assertThat(policy.rankForTask(1, TASK, loads)).isEqualTo(3.0);
        assertThat(policy.rankForTask(0, TASK, loads)).isLessThan(policy.rankForTask(1, TASK, loads));
    }

    @Test
    void licencesCountAndEnergyIsChargedByThePowerItAdds() {
        var rising = new HostType("rising", 10, 1000, 0, 10240, 1000, 3.0, new PowerCurve(100, 300), 0, 0);
        var costs = new CostModel(Map.of("cheap", new HostTypeCosts(2.0, 0, 0, 0)), 0.5, 0, 0, 0, 0, 0);
        var policy = new CheapestPlacementPolicy(costs);
        var loads = new Loads(List.of(CHEAP, rising), new double[] {2000, 2000}, new int[] {1, 1});

        // (3 + 2 licence) x 0.1; a flat curve adds no power.
        assertThat(policy.rankForTask(0, TASK, loads)).isCloseTo(0.5, within(1e-12));
        // 3 x 0.1, and 200 W x 0.1 = 20 W for an hour at 0.5 USD/kWh = 0.01 USD.
        assertThat(policy.rankForTask(1, TASK, loads)).isCloseTo(0.31, within(1e-12));
    }

    @Test
    void boundsNeverExceedTheRankOfAnyServerOfTheGroup() {
        var rising = new HostType("rising", 10, 1000, 2, 10240, 1000, 3.0, new PowerCurve(100, 180, 300), 0, 0);
        var costs = new CostModel(Map.of("cheap", new HostTypeCosts(2.0, 0, 0, 0)), 0.5, 0, 0, 0, 0, 0);
        var policy = new CheapestPlacementPolicy(costs);
        var loads = new Loads(List.of(DEAR, CHEAP, rising, rising), new double[] {2000, 0, 7000, 500},
                new int[] {2, 0, 5, 1});
        TaskRankBounds bounds = policy.taskRankBounds();
        int k = bounds.keyCount();
        double[] group = new double[2 * k];
        java.util.Arrays.fill(group, 0, k, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(group, k, 2 * k, Double.NEGATIVE_INFINITY);
        double[] keys = new double[k];
        for (int h = 0; h < 4; h++) {
            bounds.keys(h, loads, keys, 0);
            for (int i = 0; i < k; i++) {
                group[i] = Math.min(group[i], keys[i]);
                group[k + i] = Math.max(group[k + i], keys[i]);
            }
        }
        for (Resources demand : List.of(TASK, new Resources(2500, 1, 4096, 0), new Resources(0, 0, 100, 0))) {
            double bound = bounds.lowerBound(group, 0, demand);
            for (int h = 0; h < 4; h++) {
                if (loads.types().get(h).gpus() >= demand.gpus()) {
                    assertThat(bound).isLessThanOrEqualTo(policy.rankForTask(h, demand, loads));
                }
            }
        }
    }
}

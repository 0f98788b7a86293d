package io.ldist.engine.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Power-aware best fit's task bound never exceeds the rank of a server of its group, now that it allows for
 * rounding by a tiny absolute amount rather than a share of the rise: over random power curves (rising, flat in
 * stretches, falling somewhere), capacities, loads and tasks, off the microwatt grid and on it (round figures,
 * whose rises are exact multiples of the grid, so that rounding decides the step).
 */
class PowerRiseTaskBoundProperties {
    private final PowerAwareBestFitDecreasingPlacementPolicy policy = new PowerAwareBestFitDecreasingPlacementPolicy();

    /** Two servers' loads (what their tasks ask for, in MIPS) on servers of two types. */
    private record Loads(HostType[] types, double[] cpu) implements HostLoads {
        @Override
        public HostType hostType(int host) {
            return types[host];
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
            return 0;
        }

        @Override
        public int taskSlots(int host) {
            return 1;
        }
    }

    @Property(tries = 2000)
    void theBoundOfAGroupIsAtMostTheRankOfEachOfItsServers(@ForAll long seed, @ForAll boolean roundFigures) {
        SplittableRandom random = new SplittableRandom(seed);
        HostType[] types = {aType(random, roundFigures), aType(random, roundFigures)};
        double[] cpu = new double[2];
        for (int h = 0; h < 2; h++) {
            double capacity = types[h].totalMips();
            cpu[h] = roundFigures ? 2500 * random.nextInt((int) (capacity / 2500) + 1) : random.nextDouble() * capacity;
        }
        Loads loads = new Loads(types, cpu);
        TaskRankBounds bounds = policy.taskRankBounds();
        int k = bounds.keyCount();
        double[] group = new double[2 * k];
        Arrays.fill(group, 0, k, Double.POSITIVE_INFINITY);
        Arrays.fill(group, k, 2 * k, Double.NEGATIVE_INFINITY);
        double[] keys = new double[k];
        for (int h = 0; h < 2; h++) {
            bounds.keys(h, loads, keys, 0);
            for (int i = 0; i < k; i++) {
                group[i] = Math.min(group[i], keys[i]);
                group[k + i] = Math.max(group[k + i], keys[i]);
            }
        }
        for (int t = 0; t < 20; t++) {
            double mips = roundFigures ? 2500 * (1 + random.nextInt(8)) : random.nextDouble() * 40000;
            Resources demand = new Resources(mips, 0, 0, 0);
            double bound = bounds.lowerBound(group, 0, demand);
            for (int h = 0; h < 2; h++) {
                assertThat(bound).as("bound for %s on server %d of %s", demand, h, types[h])
                        .isLessThanOrEqualTo(policy.rankForTask(h, demand, loads));
                if (types[0].equals(types[1])) {
                    assertThat(bounds.lowerBound(group, 0, demand, types[0])).isLessThanOrEqualTo(
                            policy.rankForTask(h, demand, loads));
                }
            }
        }
    }

    private static HostType aType(SplittableRandom random, boolean roundFigures) {
        int points = 2 + random.nextInt(10);
        double[] watts = new double[points];
        double w = roundFigures ? 50 + 10 * random.nextInt(20) : 50 + random.nextDouble() * 200;
        for (int i = 0; i < points; i++) {
            watts[i] = w;
            int shape = random.nextInt(6);
            double step = roundFigures ? 5 * random.nextInt(10) : random.nextDouble() * 60;
            w = shape == 0 ? w : shape == 1 ? Math.max(0, w - step / 3) : w + step; // flat, falling or rising
        }
        int cores = roundFigures ? 16 * (1 + random.nextInt(6)) : 1 + random.nextInt(128);
        double mipsPerCore = roundFigures ? 2500 : 1000 + random.nextDouble() * 2000;
        return new HostType("t", cores, mipsPerCore, 0, 65536, 1000, 1, new PowerCurve(watts), 0, 0);
    }
}

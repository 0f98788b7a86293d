package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.decide.PlanView;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.Resources;

/**
 * Power-aware best-fit-decreasing (Beloglazov and Buyya 2012): largest VMs first, each to the server whose
 * power draw rises least. The rise is measured from the server's power at its measured utilisation, as in
 * the study and CloudSim: a switched-off server counts from its idle power, so waking it is not charged its
 * idle draw.
 *
 * <p>Rises are compared to the microwatt (rounded down): within one segment of a power curve many servers
 * raise their power by the same amount, and rounding noise should not pick among them; the lowest index does.
 */
public final class PowerAwareBestFitDecreasingPlacementPolicy implements PlacementPolicy {
    /** Rises are compared in steps of this many watts. */
    public static final double RESOLUTION_W = 1e-6;

    /** A power figure on the comparison grid: the largest grid step at or below {@code watts}. */
    public static double onGrid(double watts) {
        return Math.floor(watts / RESOLUTION_W) * RESOLUTION_W;
    }

    @Override
    public boolean largestFirst() {
        return true;
    }

    @Override
    public boolean ranksVmsByPowerRise() {
        return true;
    }

    /** A server's whole rise, from idle to full load. */
    @Override
    public double rankSpan(int host, PlanView plan) {
        return plan.hostType(host).power().watts(1) - plan.hostType(host).power().watts(0);
    }

    @Override
    public double rank(int host, int vm, PlanView plan) {
        double after = (plan.usedCpu(host) + plan.vmCpu(vm)) / plan.capacityMips(host);
        return onGrid(plan.hostType(host).power().watts(after) - plan.measuredPowerW(host));
    }

    /** A task raises its server's power from what the server's tasks ask for now to that plus the task. */
    @Override
    public double rankForTask(int host, Resources demand, HostLoads plan) {
        double now = plan.demandCpu(host) / plan.capacityMips(host);
        double after = (plan.demandCpu(host) + demand.cpuMips()) / plan.capacityMips(host);
        return onGrid(plan.hostType(host).power().watts(after) - plan.hostType(host).power().watts(now));
    }

    /**
     * Keys: the least slope of the server's power curve from its utilisation up, per MIPS, that slope times the
     * utilisation left, and how far rounding may take the rank's arithmetic below the exact rise. A task of d
     * MIPS raises a server's power by at least the smaller of d times the first and the second (the curve is
     * linear between its points and stops rising at full load).
     *
     * <p>The bound is that less the rounding allowance, then put on the rank's grid. The allowance is absolute
     * and tiny (about a thousandth of a grid step for a server's curve), not relative to the rise: then a bound
     * falls a grid step below the rise only when the rise lies that close above a step, and a search whose best
     * rank equals the bound passes over every group at higher indices. When the rise of a task is an exact
     * multiple of the grid (round demands and capacities), rounding may put some servers a step below and the
     * bound must allow for it: ties of servers on the step are then searched one by one.
     */
    @Override
    public TaskRankBounds taskRankBounds() {
        return new TaskRankBounds() {
            /** Rounding of the rank's arithmetic, in units of the last place of the curve's figures, with margin. */
            private static final double ROUNDING_UNITS = 1024;
            /** ROUNDING_UNITS last places of a figure, as a share of it (a last place is at most 2^-52 of it). */
            private static final double OWN_ROUNDING_SHARE = ROUNDING_UNITS * 0x1p-52;

            @Override
            public int keyCount() {
                return 3;
            }

            @Override
            public void keys(int host, HostLoads loads, double[] out, int at) {
                double capacity = loads.capacityMips(host);
                double now = loads.demandCpu(host) / capacity;
                double slope = loads.hostType(host).power().leastSlopeFrom(now);
                if (slope < 0) {
                    out[at] = Double.NEGATIVE_INFINITY; // a curve that falls somewhere: no bound
                    out[at + 1] = Double.NEGATIVE_INFINITY;
                    out[at + 2] = 0;
                    return;
                }
                out[at] = slope / capacity;
                out[at + 1] = slope * Math.max(0, 1 - now);
                out[at + 2] = roundingAllowance(loads.hostType(host).power());
            }

            /**
             * How far below the exact rise the rank's arithmetic may come: each of the two power figures it
             * subtracts is rounded to a few last places of the curve's highest figure, and the utilisations they
             * are read at to a few last places of 1, which a piece (its slope at most the highest figure times the
             * pieces) turns into watts.
             */
            private static double roundingAllowance(PowerCurve curve) {
                double highest = curve.highestWatts();
                return ROUNDING_UNITS * (Math.ulp(highest) + highest * curve.segments() * Math.ulp(1.0));
            }

            @Override
            public double lowerBound(double[] group, int at, Resources demand) {
                // On the rank's own grid, so that servers whose rise is the least possible tie with the bound
                // and are passed over when a lower-numbered one was found (the allowances keep it a lower bound).
                double rise = Math.min(demand.cpuMips() * group[at], group[at + 1]);
                // Of this bound's own products: a thousand last places of the rise (as a share, cheaper than ulp).
                double ownRounding = Math.abs(rise) * OWN_ROUNDING_SHARE;
                return onGrid(rise - ownRounding - group[at + keyCount() + 2]); // the largest allowance of the group
            }
        };
    }
}

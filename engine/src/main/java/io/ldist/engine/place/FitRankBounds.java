package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;

/**
 * How best fit's and worst fit's task ranks are bounded over a group of servers ({@link FitPlacementPolicy}).
 *
 * <p>Keys of every server: each resource's free share (cap - demand) / cap and its inverse capacity 1 / cap (a
 * server without GPUs has an unbounded GPU share and no GPU term), then what its tasks ask for of each resource.
 * A server's room is min over resources of (free share - task / cap), so a mixed group's room lies between the
 * keys' extremes combined per resource. On servers of one type each resource's term only falls as the demand on
 * it rises, with the rank's own arithmetic: best fit's least rank is then the rank at the group's highest
 * demands, and worst fit's is bounded by the rank at its lowest ones, both without slack, so that a group that
 * can only tie with the best server found is passed over.
 *
 * <p>Worst fit's room is a maximum of minima, which extremes of different servers bound loosely; it also keeps
 * min(cpu share - t, memory share) for a few offsets t, each of one server.
 */
final class FitRankBounds implements TaskRankBounds {
    private static final int INVERSE_CAPACITY = 3;
    private static final int DEMANDS = 6;
    private static final int EXTRA = 9;
    /** Differences of a task's CPU and memory shares at which worst fit's paired bound is exact. */
    private static final double[] PAIRING_OFFSETS = {-0.1, -0.03, -0.01, 0, 0.01, 0.03, 0.1};

    private final boolean best;
    private final int keyCount;

    FitRankBounds(boolean best) {
        this.best = best;
        this.keyCount = best ? EXTRA : EXTRA + PAIRING_OFFSETS.length;
    }

    @Override
    public int keyCount() {
        return keyCount;
    }

    @Override
    public boolean boundsPerType() {
        return true;
    }

    @Override
    public void keys(int host, HostLoads loads, double[] out, int at) {
        HostType type = loads.hostType(host);
        out[at] = (type.totalMips() - loads.demandCpu(host)) / type.totalMips();
        out[at + 1] = (type.ramMb() - loads.demandRam(host)) / type.ramMb();
        out[at + 2] = type.gpus() > 0 ? (type.gpus() - loads.demandGpu(host)) / type.gpus() : Double.POSITIVE_INFINITY;
        out[at + INVERSE_CAPACITY] = 1 / type.totalMips();
        out[at + INVERSE_CAPACITY + 1] = 1 / type.ramMb();
        out[at + INVERSE_CAPACITY + 2] = type.gpus() > 0 ? 1 / type.gpus() : 0;
        out[at + DEMANDS] = loads.demandCpu(host);
        out[at + DEMANDS + 1] = loads.demandRam(host);
        out[at + DEMANDS + 2] = loads.demandGpu(host);
        if (!best) {
            for (int k = 0; k < PAIRING_OFFSETS.length; k++) {
                out[at + EXTRA + k] = Math.min(out[at] - PAIRING_OFFSETS[k], out[at + 1]);
            }
        }
    }

    @Override
    public double lowerBound(double[] group, int at, Resources demand) {
        int max = at + keyCount; // the maxima follow the minima
        int inverse = at + INVERSE_CAPACITY;
        if (best) {
            double room = Math.min(group[at] - demand.cpuMips() * group[max + INVERSE_CAPACITY],
                    group[at + 1] - demand.ramMb() * group[max + INVERSE_CAPACITY + 1]);
            room = Math.min(room, group[at + 2] - demand.gpus() * group[max + INVERSE_CAPACITY + 2]);
            return TaskRankBounds.slack(room);
        }
        double room = Math.min(group[max] - demand.cpuMips() * group[inverse],
                group[max + 1] - demand.ramMb() * group[inverse + 1]);
        room = Math.min(room, group[max + 2] - demand.gpus() * group[inverse + 2]);
        room = Math.min(room, pairedRoom(group, max, demand.cpuMips() * group[inverse],
                demand.ramMb() * group[inverse + 1]));
        return TaskRankBounds.slack(-room);
    }

    @Override
    public double lowerBound(double[] group, int at, Resources demand, HostType type) {
        int max = at + keyCount;
        if (best) {
            int highest = max + DEMANDS; // the maxima
            return FitPlacementPolicy.room(type, group[highest] + demand.cpuMips(),
                    group[highest + 1] + demand.ramMb(), group[highest + 2] + demand.gpus());
        }
        int lowest = at + DEMANDS; // the minima
        double atLowestDemands = -FitPlacementPolicy.room(type, group[lowest] + demand.cpuMips(),
                group[lowest + 1] + demand.ramMb(), group[lowest + 2] + demand.gpus());
        double paired = pairedRoom(group, max, demand.cpuMips() / type.totalMips(), demand.ramMb() / type.ramMb());
        return Math.max(atLowestDemands, TaskRankBounds.slack(-paired));
    }

    /**
     * Worst fit's bound on room from CPU and memory taken together, the task taking shares {@code a} and {@code b}
     * (or less): a server's min(cpu share - a, memory share - b) is at most min(cpu share - t, memory share) - b +
     * max(0, t - (a - b)) for every offset t. The keys min(cpu share - t, memory share) are each of one server, so
     * this bound holds where the free shares' extremes (of different servers) mix, the tighter the nearer a - b
     * is to an offset.
     */
    private static double pairedRoom(double[] group, int max, double a, double b) {
        double difference = a - b;
        double room = Double.POSITIVE_INFINITY;
        for (int k = 0; k < PAIRING_OFFSETS.length; k++) {
            room = Math.min(room, group[max + EXTRA + k] + Math.max(0, PAIRING_OFFSETS[k] - difference));
        }
        return room - b;
    }
}

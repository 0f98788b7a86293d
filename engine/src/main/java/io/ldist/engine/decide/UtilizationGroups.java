package io.ldist.engine.decide;

import io.ldist.engine.model.HostType;
import io.ldist.engine.util.IntList;

import java.util.Arrays;
import java.util.List;

/**
 * The servers that hold VMs and accept more, grouped by (type, segment of the power curve their planned
 * utilisation lies in), so that a power-aware placement need not look at every server: adding a VM of size
 * δ (a share of the server's CPU) to a server at utilisation u raises its power by at least δ times the
 * smallest slope the curve has between u and u + δ, plus the server's offset P(u) - P(measured u): 0 for a
 * server the plan has not touched, positive for one it added load to (servers it takes load off are not
 * candidates). Untouched and touched servers sit in separate groups, a touched group's bound adding its smallest
 * offset, so that an untouched group's bound is reached by its servers. Groups whose bound exceeds the best
 * server found so far cannot hold a better one.
 *
 * <p>The bounds only hold for power curves that never fall; {@link #boundsHold()} says when a search must look
 * at every server instead.
 */
public final class UtilizationGroups {
    /** Tenths of the power curve over which slopes are taken. */
    static final int SEGMENTS = 10;
    /** Groups per server type: narrow enough that a group's servers are alike in what they can take. */
    static final int BUCKETS = 50;
    private static final double ROUNDING = 1e-9;

    private final List<HostType> types;
    private final double[][] slopes;
    /** Per type, the smallest slope over tenths {@code first..last}: {@code [type][first * SEGMENTS + last]}. */
    private final double[][] smallestSlope;
    private final boolean curvesNeverFall;
    private final IntList[] members;
    private final int[] groupOf;
    private final double[] offset;
    private final double[] smallestOffset;

    UtilizationGroups(List<HostType> types, int hosts) {
        this.types = List.copyOf(types);
        this.slopes = new double[types.size()][];
        boolean neverFall = true;
        for (int t = 0; t < types.size(); t++) {
            slopes[t] = segmentSlopes(types.get(t));
            for (double slope : slopes[t]) {
                neverFall &= slope >= 0;
            }
        }
        this.curvesNeverFall = neverFall;
        this.smallestSlope = new double[types.size()][SEGMENTS * SEGMENTS];
        for (int t = 0; t < types.size(); t++) {
            for (int first = 0; first < SEGMENTS; first++) {
                double least = Double.POSITIVE_INFINITY;
                for (int last = first; last < SEGMENTS; last++) {
                    least = Math.min(least, slopes[t][last]);
                    smallestSlope[t][first * SEGMENTS + last] = least;
                }
            }
        }
        this.members = new IntList[2 * types.size() * BUCKETS];
        for (int g = 0; g < members.length; g++) {
            members[g] = new IntList(8);
        }
        this.groupOf = new int[hosts];
        this.offset = new double[hosts];
        this.smallestOffset = new double[members.length];
        Arrays.fill(groupOf, -1);
        Arrays.fill(smallestOffset, Double.POSITIVE_INFINITY);
    }

    /**
     * The smallest power rise per unit of utilisation within each tenth of the curve: the least slope of the
     * curve's own segments that overlap it (a curve may have any number of evenly spaced points).
     */
    private static double[] segmentSlopes(HostType type) {
        double[] watts = type.power().points();
        int pieces = watts.length - 1;
        double[] slope = new double[SEGMENTS];
        for (int k = 0; k < SEGMENTS; k++) {
            int first = (int) Math.floor(k * pieces / (double) SEGMENTS);
            int last = (int) Math.ceil((k + 1) * pieces / (double) SEGMENTS) - 1;
            slope[k] = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, first); j <= Math.min(pieces - 1, last); j++) {
                slope[k] = Math.min(slope[k], (watts[j + 1] - watts[j]) * pieces);
            }
        }
        return slope;
    }

    /** Puts a candidate server in the group of its planned utilisation, or takes it out ({@code type < 0}). */
    void place(int host, int type, double utilization, double offsetWatts) {
        remove(host);
        if (type < 0) {
            return;
        }
        int bucket = Math.max(0, Math.min(BUCKETS - 1, (int) (utilization * BUCKETS)));
        boolean touched = offsetWatts > ROUNDING;
        int group = ((touched ? types.size() : 0) + type) * BUCKETS + bucket;
        groupOf[host] = group;
        offset[host] = touched ? offsetWatts : 0;
        members[group].insertSorted(host);
        smallestOffset[group] = Math.min(smallestOffset[group], offset[host]);
    }

    void remove(int host) {
        int group = groupOf[host];
        if (group < 0) {
            return;
        }
        IntList list = members[group];
        list.removeSorted(host);
        groupOf[host] = -1;
        if (offset[host] == smallestOffset[group]) {
            double smallest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < list.size(); i++) {
                smallest = Math.min(smallest, offset[list.get(i)]);
            }
            smallestOffset[group] = smallest;
        }
    }

    /** Whether the lower bounds are valid now (else search every server). */
    public boolean boundsHold() {
        return curvesNeverFall;
    }

    public int groupCount() {
        return members.length;
    }

    /** Servers of group {@code g}, by increasing index. */
    public IntList members(int g) {
        return members[g];
    }

    /**
     * Whether no server of group {@code g} can take {@code vmMips} without ending above {@code ceiling}
     * (the group's lowest utilisation plus the VM's share already exceeds it).
     */
    public boolean tooFull(int g, double vmMips, double ceiling) {
        double lowest = (g % BUCKETS) / (double) BUCKETS;
        return lowest + vmMips / typeOf(g).totalMips() > ceiling + ROUNDING;
    }

    private HostType typeOf(int g) {
        return types.get((g / BUCKETS) % types.size());
    }

    /**
     * The least power rise that adding {@code vmMips} can cause on any server of group {@code g} that stays
     * at or below {@code ceiling} (minus a hair, for rounding).
     */
    public double lowerBound(int g, double vmMips, double ceiling) {
        int type = (g / BUCKETS) % types.size();
        double share = vmMips / types.get(type).totalMips();
        double from = (g % BUCKETS) / (double) BUCKETS;
        double to = Math.min(ceiling, (g % BUCKETS + 1) / (double) BUCKETS + share);
        int first = Math.min(SEGMENTS - 1, (int) (from * SEGMENTS));
        int last = Math.max(first, Math.min(SEGMENTS - 1, (int) Math.ceil(to * SEGMENTS - ROUNDING) - 1));
        return share * smallestSlope[type][first * SEGMENTS + last] + smallestOffset[g] - ROUNDING;
    }
}

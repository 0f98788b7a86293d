package io.ldist.engine.decide;

import io.ldist.engine.model.HostType;
import io.ldist.engine.util.IntList;

import java.util.Arrays;
import java.util.List;

/**
 * The servers that hold VMs and accept more, grouped by (type, segment of the power curve their planned
 * utilisation lies in), so that a power-aware placement need not look at every server: adding a VM of size
 * δ (a share of the server's CPU) to a server at utilisation u raises its power by at least δ times the
 * least rise P(u' + δ) - P(u') over the utilisations u' of its group, plus the server's offset P(u) - P(measured u): 0 for a
 * server the plan has not touched, positive for one it added load to (servers it takes load off are not
 * candidates). Untouched and touched servers sit in separate groups, a touched group's bound adding its smallest
 * offset, so that an untouched group's bound is reached by its servers. Groups whose bound exceeds the best
 * server found so far cannot hold a better one.
 *
 * <p>The bounds only hold for power curves that never fall; {@link #boundsHold()} says when a search must look
 * at every server instead.
 */
public final class UtilizationGroups {
    /** Groups per server type: narrow enough that a group's servers are alike in what they can take. */
    static final int BUCKETS = 50;
    private static final double ROUNDING = 1e-9;

    private final List<HostType> types;
    private final boolean curvesNeverFall;
    private final IntList[] members;
    private final int[] groupOf;
    private final double[] offset;
    private final double[] smallestOffset;
    private final IntList occupiedGroups = new IntList(32);
    private final BoundCache boundCache;
    private double cachedMips = Double.NaN;
    private double cachedCeiling = Double.NaN;
    private double[] cachedBounds;
    /** Scratch space for one search at a time (a plan is built by one thread). */
    private final int[] searchOrder;
    private final double[] searchBound;

    UtilizationGroups(List<HostType> types, int hosts, BoundCache boundCache) {
        this.boundCache = boundCache;
        this.types = List.copyOf(types);
        boolean neverFall = true;
        for (HostType type : types) {
            double[] watts = type.power().points();
            for (int i = 1; i < watts.length; i++) {
                neverFall &= watts[i] >= watts[i - 1];
            }
        }
        this.curvesNeverFall = neverFall;
        this.members = new IntList[2 * types.size() * BUCKETS];
        for (int g = 0; g < members.length; g++) {
            members[g] = new IntList(8);
        }
        this.groupOf = new int[hosts];
        this.offset = new double[hosts];
        this.smallestOffset = new double[members.length];
        this.searchOrder = new int[members.length];
        this.searchBound = new double[members.length];
        Arrays.fill(groupOf, -1);
        Arrays.fill(smallestOffset, Double.POSITIVE_INFINITY);
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
        if (members[group].isEmpty()) {
            occupiedGroups.add(group);
        }
        if (touched) {
            insertByOffset(members[group], host);
        } else {
            members[group].insertSorted(host);
        }
        smallestOffset[group] = Math.min(smallestOffset[group], offset[host]);
    }

    /** Touched groups keep their servers by increasing offset, then index. */
    private void insertByOffset(IntList list, int host) {
        int low = 0;
        int high = list.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            int other = list.get(mid);
            if (offset[other] < offset[host] || (offset[other] == offset[host] && other < host)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        list.insertAt(low, host);
    }

    void remove(int host) {
        int group = groupOf[host];
        if (group < 0) {
            return;
        }
        IntList list = members[group];
        if (isTouched(group)) {
            list.removeValue(host);
        } else {
            list.removeSorted(host);
        }
        groupOf[host] = -1;
        if (list.isEmpty()) {
            occupiedGroups.removeValue(group);
        }
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

    /** Groups that hold at least one server, in no particular order. */
    public IntList occupiedGroups() {
        return occupiedGroups;
    }

    /** Scratch array for a search's group order (valid until the next search). */
    public int[] searchOrder() {
        return searchOrder;
    }

    /** Scratch array for a search's group bounds, indexed by group (valid until the next search). */
    public double[] searchBound() {
        return searchBound;
    }

    /** Servers of group {@code g}: by increasing index, or for a touched group by increasing offset. */
    public IntList members(int g) {
        return members[g];
    }

    /** Whether group {@code g} holds servers the plan has already added load to. */
    public boolean isTouched(int g) {
        return g >= types.size() * BUCKETS;
    }

    /** A touched server's offset P(planned u) - P(measured u), in watts (0 for an untouched one). */
    public double offset(int host) {
        return offset[host];
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
        return slopeBound(g, vmMips, ceiling) + smallestOffset[g];
    }

    /**
     * The group's bound without any server's offset (add a server's own offset for its bound): the least of
     * P(u + share) - P(u) over the group's utilisations u that stay at or below {@code ceiling}. The rise is
     * piecewise linear in u, so its least value is at an end of that range or where u or u + share crosses a
     * point of the power curve.
     */
    public double slopeBound(int g, double vmMips, double ceiling) {
        // VM demands at decisions take few distinct values (trace percentages of a few VM sizes): remember bounds.
        if (vmMips != cachedMips || ceiling != cachedCeiling) {
            cachedMips = vmMips;
            cachedCeiling = ceiling;
            cachedBounds = boundCache.boundsFor(types, vmMips, ceiling);
        }
        int untouched = g % (types.size() * BUCKETS);
        double bound = cachedBounds[untouched];
        if (Double.isNaN(bound)) {
            bound = computeSlopeBound(g, vmMips, ceiling);
            cachedBounds[untouched] = bound;
        }
        return bound;
    }

    /**
     * Group bounds by VM size and ceiling, kept across decisions: they depend only on the server types, the
     * group and the VM, and VM sizes at decisions repeat. Forgets everything when the server types change.
     */
    public static final class BoundCache {
        private record Key(double vmMips, double ceiling) { }

        private final java.util.Map<Key, double[]> bounds = new java.util.HashMap<>();
        private List<HostType> types = List.of();

        double[] boundsFor(List<HostType> forTypes, double vmMips, double ceiling) {
            if (!sameTypes(forTypes)) {
                types = List.copyOf(forTypes);
                bounds.clear();
            }
            if (bounds.size() > 100_000) {
                bounds.clear(); // a run of ever new sizes: start again rather than grow without end
            }
            return bounds.computeIfAbsent(new Key(vmMips, ceiling), k -> {
                double[] fresh = new double[types.size() * BUCKETS];
                Arrays.fill(fresh, Double.NaN);
                return fresh;
            });
        }

        private boolean sameTypes(List<HostType> other) {
            if (other.size() != types.size()) {
                return false;
            }
            for (int i = 0; i < other.size(); i++) {
                if (other.get(i) != types.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private double computeSlopeBound(int g, double vmMips, double ceiling) {
        HostType type = typeOf(g);
        double share = vmMips / type.totalMips();
        double from = (g % BUCKETS) / (double) BUCKETS;
        double to = Math.min((g % BUCKETS + 1) / (double) BUCKETS, ceiling - share);
        if (to < from) {
            to = from;
        }
        double least = Math.min(rise(type, from, share), rise(type, to, share));
        int pieces = type.power().points().length - 1;
        for (int k = (int) Math.ceil(from * pieces); k <= Math.floor(to * pieces); k++) {
            least = Math.min(least, rise(type, k / (double) pieces, share));
        }
        for (int k = (int) Math.ceil((from + share) * pieces); k <= Math.floor((to + share) * pieces); k++) {
            least = Math.min(least, rise(type, k / (double) pieces - share, share));
        }
        return least - ROUNDING;
    }

    private static double rise(HostType type, double u, double share) {
        return type.power().watts(u + share) - type.power().watts(u);
    }
}

package io.ldist.engine.decide;

import io.ldist.engine.model.HostType;
import io.ldist.engine.util.IntList;
import io.ldist.engine.util.KeyedIntList;

import java.util.Arrays;
import java.util.BitSet;
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
    /**
     * Each group's servers: an untouched group's by increasing index, each with its planned utilisation; a
     * touched group's by increasing offset (twins together, by index), each with its offset.
     */
    private final KeyedIntList[] members;
    /** Untouched groups' servers again, by increasing planned utilisation, then index. */
    private final KeyedIntList[] byUtilization;
    private final int[] groupOf;
    /** Candidates by index, for the walk that places a VM asking for no CPU. */
    private final BitSet candidates;
    private final IntList belowMeasured = new IntList(4);
    // Per server, what its group keeps it by (to find it there again) and what its rank is computed from
    // besides its type: the MIPS its VMs occupy and its measured power.
    private final double[] offset;
    private final double[] utilization;
    private final double[] usedMips;
    private final double[] measuredW;
    private final BoundCache boundCache;
    private double cachedMips = Double.NaN;
    private double cachedCeiling = Double.NaN;
    private Bounds cachedBounds;
    /** Scratch space for one search at a time (a plan is built by one thread). */
    private final int[] searchHeap;
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
        this.members = new KeyedIntList[2 * types.size() * BUCKETS];
        this.byUtilization = new KeyedIntList[members.length];
        for (int g = 0; g < members.length; g++) {
            // A touched server's rank, besides its type, follows from its used MIPS and measured power: with
            // them as further keys, twins (servers that rank alike for any VM) sit together, by index.
            members[g] = isTouched(g) ? KeyedIntList.byKeys(3, 8) : KeyedIntList.byItem(8);
            byUtilization[g] = KeyedIntList.byKeys(1, isTouched(g) ? 1 : 8);
        }
        this.groupOf = new int[hosts];
        this.candidates = new BitSet(hosts);
        this.offset = new double[hosts];
        this.utilization = new double[hosts];
        this.usedMips = new double[hosts];
        this.measuredW = new double[hosts];
        this.searchHeap = new int[members.length];
        this.searchBound = new double[members.length];
        Arrays.fill(groupOf, -1);
    }

    /**
     * Puts candidate server {@code host}, of type index {@code type}, whose VMs occupy {@code used} MIPS and
     * which measured {@code measuredWatts}, in the group of its planned utilisation (taking it out of any other).
     */
    void place(int host, int type, double used, double measuredWatts) {
        HostType hostType = types.get(type);
        double planned = used / hostType.totalMips();
        double offsetWatts = hostType.power().watts(planned) - measuredWatts;
        int bucket = Math.max(0, Math.min(BUCKETS - 1, (int) (planned * BUCKETS)));
        boolean touched = offsetWatts > ROUNDING;
        int group = ((touched ? types.size() : 0) + type) * BUCKETS + bucket;
        if (groupOf[host] == group && usedMips[host] == used && measuredW[host] == measuredWatts) {
            return; // where it is already (a change taken back)
        }
        remove(host);
        if (offsetWatts < 0) {
            belowMeasured.insertSorted(host);
        }
        groupOf[host] = group;
        candidates.set(host);
        offset[host] = offsetWatts;
        utilization[host] = planned;
        usedMips[host] = used;
        measuredW[host] = measuredWatts;
        if (touched) {
            members[group].insert(host, offsetWatts, used, measuredWatts);
        } else {
            members[group].insert(host, planned);
            byUtilization[group].insert(host, planned);
        }
    }

    /**
     * The position after the twins of the server at {@code position} of touched group {@code g}: the servers
     * from {@code position} up to it rank the same for any VM (same type, same used MIPS, same measured power),
     * by increasing index.
     */
    public int twinsEnd(int g, int position) {
        return members[g].endOfSameKeys(position);
    }

    void remove(int host) {
        int group = groupOf[host];
        if (group < 0) {
            return;
        }
        belowMeasured.removeSorted(host);
        candidates.clear(host);
        if (isTouched(group)) {
            members[group].remove(host, offset[host], usedMips[host], measuredW[host]);
        } else {
            members[group].remove(host, utilization[host]);
            byUtilization[group].remove(host, utilization[host]);
        }
        groupOf[host] = -1;
    }

    /**
     * Candidate servers whose planned power is below their measured power (by a rounding error, as a rule), by
     * index: the only ones where a VM that asks for no CPU ranks below 0 W.
     */
    public IntList belowMeasured() {
        return belowMeasured;
    }

    /** The first candidate server at index {@code from} or above, or -1 when there is none. */
    public int nextCandidate(int from) {
        return candidates.nextSetBit(from);
    }

    /** Whether the lower bounds are valid now (else search every server). */
    public boolean boundsHold() {
        return curvesNeverFall;
    }

    /** Scratch array for a search's heap of touched groups (valid until the next search). */
    public int[] searchHeap() {
        return searchHeap;
    }

    /** Scratch array for a search's group bounds, indexed by group (valid until the next search). */
    public double[] searchBound() {
        return searchBound;
    }

    /**
     * Servers of group {@code g}: an untouched group's by increasing index, keyed by planned utilisation; a
     * touched group's by increasing offset P(planned u) - P(measured u), keyed by it, twins together by index.
     */
    public KeyedIntList members(int g) {
        return members[g];
    }

    /** Servers of an untouched group {@code g} by increasing planned utilisation (the key), then index. */
    public KeyedIntList membersByUtilization(int g) {
        return byUtilization[g];
    }

    /** Whether group {@code g} holds servers the plan has already added load to. */
    public boolean isTouched(int g) {
        return g >= types.size() * BUCKETS;
    }

    /**
     * Whether no server of group {@code g} can take {@code vmMips} without ending above {@code ceiling}
     * (the group's lowest utilisation plus the VM's share already exceeds it).
     */
    private boolean tooFull(int g, double vmMips, double ceiling) {
        double lowest = (g % BUCKETS) / (double) BUCKETS;
        return lowest + vmMips / typeOf(g).totalMips() > ceiling + ROUNDING;
    }

    /** The server type of group {@code g}. */
    public HostType typeOf(int g) {
        return types.get((g / BUCKETS) % types.size());
    }

    /**
     * The least power rise that adding {@code vmMips} can cause on any server of group {@code g} that stays
     * at or below {@code ceiling} (minus a hair, for rounding).
     */
    public double lowerBound(int g, double vmMips, double ceiling) {
        // A touched group's servers come by increasing offset; an untouched group's offsets are 0.
        return slopeBound(g, vmMips, ceiling) + (isTouched(g) ? members[g].key(0) : 0);
    }

    /**
     * The group's bound without any server's offset (add a server's own offset for its bound): the least of
     * P(u + share) - P(u) over the group's utilisations u that stay at or below {@code ceiling}. The rise is
     * piecewise linear in u, so its least value is at an end of that range or where u or u + share crosses a
     * point of the power curve.
     */
    public double slopeBound(int g, double vmMips, double ceiling) {
        return boundsFor(vmMips, ceiling).slope[g % (types.size() * BUCKETS)];
    }

    /**
     * The untouched groups (occupied or not) by increasing slope bound for this VM size and ceiling, those too
     * full for the VM last (with an infinite bound); the touched group of the same type and utilisation is
     * {@link #touchedTwin}.
     */
    public int[] orderBySlopeBound(double vmMips, double ceiling) {
        return boundsFor(vmMips, ceiling).order;
    }

    /** The touched group of untouched group {@code g}. */
    public int touchedTwin(int g) {
        return g + types.size() * BUCKETS;
    }

    /** Whether group {@code g} holds a server. */
    public boolean occupied(int g) {
        return !members[g].isEmpty();
    }

    // VM demands at decisions take few distinct values (trace percentages of a few VM sizes): remember bounds.
    private Bounds boundsFor(double vmMips, double ceiling) {
        if (vmMips != cachedMips || ceiling != cachedCeiling) {
            cachedMips = vmMips;
            cachedCeiling = ceiling;
            cachedBounds = boundCache.boundsFor(types, vmMips, ceiling, this::computeBounds);
        }
        return cachedBounds;
    }

    private Bounds computeBounds(double vmMips, double ceiling) {
        int untouched = types.size() * BUCKETS;
        double[] slope = new double[untouched];
        int[] order = new int[untouched];
        for (int g = 0; g < untouched; g++) {
            // A group too full for the VM cannot take it at all: its bound is infinite, so it comes last.
            slope[g] = tooFull(g, vmMips, ceiling) ? Double.POSITIVE_INFINITY : computeSlopeBound(g, vmMips, ceiling);
            int at = g;
            while (at > 0 && slope[order[at - 1]] > slope[g]) { // insertion sort: stable, and no boxing
                order[at] = order[at - 1];
                at--;
            }
            order[at] = g;
        }
        return new Bounds(slope, order);
    }

    /** Slope bounds of the untouched groups for one VM size and ceiling, and the groups in their order. */
    record Bounds(double[] slope, int[] order) { }

    /**
     * Group bounds by VM size and ceiling, kept across decisions: they depend only on the server types, the
     * group and the VM, and VM sizes at decisions repeat. Forgets everything when the server types change.
     */
    public static final class BoundCache {
        private record Key(double vmMips, double ceiling) { }

        /** Computes the bounds for a VM size and ceiling. */
        interface Computation {
            Bounds compute(double vmMips, double ceiling);
        }

        private final java.util.Map<Key, Bounds> bounds = new java.util.HashMap<>();
        private List<HostType> types = List.of();

        Bounds boundsFor(List<HostType> forTypes, double vmMips, double ceiling, Computation computation) {
            if (!sameTypes(forTypes)) {
                types = List.copyOf(forTypes);
                bounds.clear();
            }
            if (bounds.size() > 100_000) {
                bounds.clear(); // a run of ever new sizes: start again rather than grow without end
            }
            return bounds.computeIfAbsent(new Key(vmMips, ceiling), k -> computation.compute(vmMips, ceiling));
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
        int pieces = type.power().segments();
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

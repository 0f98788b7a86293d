package io.ldist.engine.dispatch;

import io.ldist.engine.decide.PlanningState;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.place.PlacementPolicy;
import io.ldist.engine.place.TaskRankBounds;
import io.ldist.engine.pool.FleetPools;
import io.ldist.engine.util.IntList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers that can take a task, kept up to date by deltas, so that choosing where a task runs does not
 * look at every server. It holds what task dispatch reads of each server (state, what its VMs' tasks ask for,
 * task slots) and of each VM (free slots and room), and over the servers a segment tree: each node keeps the
 * most room any one VM below it has (per resource), the host type of its servers when they share one, and the
 * extremes of the placement policy's bound keys ({@link TaskRankBounds}). A search goes down the tree best bound first and skips every node that has no
 * VM with room for the task or whose bound cannot beat the best server found so far.
 *
 * <p>The choice is exactly that of a scan over every server in index order: the best rank of the policy,
 * ties to the lowest server index, and on that server the VM with the most free CPU (ties to the first in the
 * server's list). Cost of one choice: O(log n) node visits when the bound is tight (least-loaded with any
 * scorer, first fit, best fit over servers of one type), more when many servers share bounds but lack room for
 * this task or when the bound combines extremes of different servers (worst fit); updating one server
 * costs O(k log n) for k bound keys.
 *
 * <p>Figures are taken from a {@link PlanningState} ({@link #load}) or from a view ({@link #refresh}) into
 * {@link TaskLoads}, with the same arithmetic in the same order as the planning state, so both give
 * bit-identical ranks.
 */
public final class DispatchIndex {
    private final PlacementPolicy placement;
    private final FleetPools pools;
    /** The pool whose servers this index holds (any server without pools). */
    private final int pool;
    private final TaskRankBounds bounds;
    private final int keys;
    /** Whether the policy bounds groups of one host type more tightly (else the type lookup is not worth it). */
    private final boolean perType;
    private HostGate gate = HostGate.ALWAYS_OPEN;
    private final TaskLoads loads = new TaskLoads();

    /*
     * The tree: node 1 is the root, leaves from `leaves`. Each node's figures lie together in `nodes`, from
     * node x stride: the most room of one VM (CPU, RAM, GPU), the host type its servers share (an index into
     * `types`, MIXED_TYPES or NO_TYPE), then the bound keys' minima, then their maxima; an empty node has no room
     * (-inf), no type and keys that bound nothing (+inf minima, -inf maxima). A few cache lines per node is what
     * keeps a climb of the tree cheap.
     */
    private static final int ROOM_CPU = 0;
    private static final int ROOM_RAM = 1;
    private static final int ROOM_GPU = 2;
    private static final int HOST_TYPE = 3;
    private static final int KEYS = 4;
    private static final double NO_TYPE = -1;
    private static final double MIXED_TYPES = -2;
    private final int stride;
    private int leaves;
    private double[] nodes = new double[0];
    private final double[] scratch;
    private final double[] leafRoom = new double[3];
    /** What {@link #room} and {@link #roomAnywhere} return: one array, filled anew by each call (per-task path). */
    private final double[] room = new double[3];
    /** The host types seen, numbered in the order first seen: the tree names a node's type by its number. */
    private final List<HostType> types = new ArrayList<>();
    private final Map<HostType, Integer> typeNumbers = new HashMap<>();
    private HostType lastType;
    private int lastTypeNumber;

    // ---- the search in progress
    private int bestHost;
    private int bestVm;
    private double bestRank;

    public DispatchIndex(PlacementPolicy placement) {
        this(placement, FleetPools.NONE, 0);
    }

    /** An index over the servers of pool {@code pool} of {@code pools} only. */
    public DispatchIndex(PlacementPolicy placement, FleetPools pools, int pool) {
        this.placement = placement;
        this.pools = pools;
        this.pool = pool;
        this.bounds = placement.taskRankBounds();
        this.keys = bounds.keyCount();
        this.perType = bounds.boundsPerType();
        this.stride = KEYS + 2 * keys;
        this.scratch = new double[keys];
    }

    // ------------------------------------------------------------------ filling

    /** Takes every server and VM from the plan as it stands (a whole decision's dispatch). */
    public void load(PlanningState plan, HostGate gate) {
        this.gate = gate;
        loads.load(plan);
        rebuildTree();
    }

    /** Takes every server and VM from the view, as a fresh planning state would read them (no plan yet). */
    public void load(ClusterView view, HostGate gate) {
        this.gate = gate;
        loads.load(view);
        rebuildTree();
    }

    /** Takes server {@code h} and its VMs again from the view, as a fresh planning state would read them. */
    public void refresh(int h, ClusterView view) {
        loads.refresh(h, view);
        update(h);
    }

    public int hostCount() {
        return loads.hostCount();
    }

    /** Takes a change of the gate of {@code h} (a breaker opened, closed, or let its probe go). */
    public void gateChanged(int h) {
        if (h < loads.hostCount()) {
            update(h);
        }
    }

    /** Records that a task with {@code demand} starts on {@code vm}, as {@link PlanningState#assignTask} does. */
    public void assign(int vm, Resources demand) {
        update(loads.assign(vm, demand));
    }

    /**
     * The most room any one VM with a free slot has on the given servers, per resource ({CPU, RAM, GPU};
     * -inf each when none has a free slot): no task asking for more in some resource fits there.
     */
    public double[] room(IntList hosts) {
        double[] most = room;
        Arrays.fill(most, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < hosts.size(); i++) {
            int h = hosts.get(i);
            if (h < leaves) {
                int at = (leaves + h) * stride;
                most[0] = Math.max(most[0], nodes[at + ROOM_CPU]);
                most[1] = Math.max(most[1], nodes[at + ROOM_RAM]);
                most[2] = Math.max(most[2], nodes[at + ROOM_GPU]);
            }
        }
        return most;
    }

    /** The most room any one VM with a free slot has, per resource ({CPU, RAM, GPU}), over all servers. */
    public double[] roomAnywhere() {
        room[0] = nodes[stride + ROOM_CPU];
        room[1] = nodes[stride + ROOM_RAM];
        room[2] = nodes[stride + ROOM_GPU];
        return room;
    }

    // ------------------------------------------------------------------ choosing

    /** The VM a task asking for {@code demand} should run on, or -1 when none has room. */
    public int choose(Resources demand) {
        bestHost = -1;
        bestVm = -1;
        bestRank = Double.POSITIVE_INFINITY;
        if (loads.hostCount() > 0) {
            search(1, 0, leaves, demand);
        }
        return bestVm;
    }

    /** The server of the VM last chosen (-1 when none was). */
    public int chosenHost() {
        return bestHost;
    }

    /** The placement policy's rank of the server last chosen (lower is better). */
    public double chosenRank() {
        return bestRank;
    }

    private void search(int node, int first, int size, Resources demand) {
        if (size == 1) {
            consider(first, demand);
            return;
        }
        int half = size / 2;
        int left = 2 * node;
        int right = left + 1;
        double leftBound = boundOf(left, demand);
        double rightBound = boundOf(right, demand);
        if (rightBound < leftBound) {
            if (worthVisiting(rightBound, first + half)) {
                search(right, first + half, half, demand);
            }
            if (worthVisiting(leftBound, first)) {
                search(left, first, half, demand);
            }
        } else {
            if (worthVisiting(leftBound, first)) {
                search(left, first, half, demand);
            }
            if (worthVisiting(rightBound, first + half)) {
                search(right, first + half, half, demand);
            }
        }
    }

    /** The node's bound, or +inf when no VM below it has room for the task. */
    private double boundOf(int node, Resources demand) {
        int at = node * stride;
        if (nodes[at + ROOM_CPU] < demand.cpuMips() || nodes[at + ROOM_RAM] < demand.ramMb()
                || nodes[at + ROOM_GPU] < demand.gpus()) {
            return Double.POSITIVE_INFINITY;
        }
        double type = nodes[at + HOST_TYPE];
        return perType && type >= 0 ? bounds.lowerBound(nodes, at + KEYS, demand, types.get((int) type))
                : bounds.lowerBound(nodes, at + KEYS, demand);
    }

    /** A node may hold a better server: a lower rank, or the same rank at a lower index than the best so far. */
    private boolean worthVisiting(double bound, int firstHost) {
        if (bound == Double.POSITIVE_INFINITY) {
            return false;
        }
        return bestHost < 0 || bound < bestRank || (bound == bestRank && firstHost < bestHost);
    }

    private void consider(int h, Resources demand) {
        if (!admitsTasks(h)) {
            return;
        }
        double rank = placement.rankForTask(h, demand, loads);
        if (bestHost >= 0 && (rank > bestRank || (rank == bestRank && h > bestHost))) {
            return;
        }
        int vm = loads.roomiestVm(h, demand);
        if (vm >= 0) {
            bestHost = h;
            bestVm = vm;
            bestRank = rank;
        }
    }

    private boolean admitsTasks(int h) {
        return loads.takesTasks(h) && gate.admits(h) && (pools.isNone() || pools.poolOf(loads.hostType(h)) == pool);
    }

    // ------------------------------------------------------------------ the tree

    private void rebuildTree() {
        int hostCount = loads.hostCount();
        int wanted = Integer.highestOneBit(Math.max(1, hostCount));
        if (wanted < hostCount) {
            wanted <<= 1;
        }
        if (wanted != leaves) {
            leaves = wanted;
            nodes = new double[2 * leaves * stride];
        }
        for (int i = 0; i < leaves; i++) {
            fillLeaf(i);
        }
        for (int node = leaves - 1; node >= 1; node--) {
            combine(node);
        }
    }

    private void update(int h) {
        if (h >= leaves) {
            rebuildTree();
            return;
        }
        fillLeaf(h);
        for (int node = (leaves + h) / 2; node >= 1; node /= 2) {
            if (!combine(node)) {
                return; // nothing above changes either
            }
        }
    }

    private void fillLeaf(int h) {
        int at = (leaves + h) * stride;
        double[] room = leafRoom;
        if (!admitsTasks(h) || !loads.mostRoom(h, room)) {
            room[0] = Double.NEGATIVE_INFINITY;
            room[1] = Double.NEGATIVE_INFINITY;
            room[2] = Double.NEGATIVE_INFINITY;
        }
        nodes[at + ROOM_CPU] = room[0];
        nodes[at + ROOM_RAM] = room[1];
        nodes[at + ROOM_GPU] = room[2];
        if (room[0] == Double.NEGATIVE_INFINITY) {
            nodes[at + HOST_TYPE] = NO_TYPE;
            Arrays.fill(nodes, at + KEYS, at + KEYS + keys, Double.POSITIVE_INFINITY);
            Arrays.fill(nodes, at + KEYS + keys, at + stride, Double.NEGATIVE_INFINITY);
            return;
        }
        nodes[at + HOST_TYPE] = typeNumber(loads.hostType(h));
        bounds.keys(h, loads, scratch, 0);
        System.arraycopy(scratch, 0, nodes, at + KEYS, keys);
        System.arraycopy(scratch, 0, nodes, at + KEYS + keys, keys);
    }

    /** Sets a node from its children; true when that changed it. */
    private boolean combine(int node) {
        int at = node * stride;
        int l = 2 * node * stride;
        int r = l + stride;
        boolean changed = false;
        for (int i = ROOM_CPU; i <= ROOM_GPU; i++) {
            changed |= set(nodes, at + i, Math.max(nodes[l + i], nodes[r + i]));
        }
        changed |= set(nodes, at + HOST_TYPE, sharedType(nodes[l + HOST_TYPE], nodes[r + HOST_TYPE]));
        for (int i = KEYS; i < KEYS + keys; i++) {
            changed |= set(nodes, at + i, Math.min(nodes[l + i], nodes[r + i]));
        }
        for (int i = KEYS + keys; i < stride; i++) {
            changed |= set(nodes, at + i, Math.max(nodes[l + i], nodes[r + i]));
        }
        return changed;
    }

    private int typeNumber(HostType type) {
        if (type == lastType) {
            return lastTypeNumber; // servers of one type mostly share one object: no hashing of the record
        }
        Integer known = typeNumbers.get(type);
        if (known == null) {
            known = types.size();
            types.add(type);
            typeNumbers.put(type, known);
        }
        lastType = type;
        lastTypeNumber = known;
        return known;
    }

    /** The type two groups' servers share: an empty group takes none, and two different types mix. */
    private static double sharedType(double left, double right) {
        if (left == NO_TYPE) {
            return right;
        }
        if (right == NO_TYPE || left == right) {
            return left;
        }
        return MIXED_TYPES;
    }

    private static boolean set(double[] values, int i, double value) {
        // Compared as bits: -0.0 and 0.0 differ, and NaN equals itself, so a change is never missed.
        if (Double.doubleToRawLongBits(values[i]) == Double.doubleToRawLongBits(value)) {
            return false;
        }
        values[i] = value;
        return true;
    }
}

package io.ldist.engine.decide;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.util.IntList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Which servers a placement in one decision looks at, kept cheap: every server that holds (or will hold) a VM, and
 * of the empty ones only the lowest-numbered of each (type, state) class, because empty servers of one type are
 * interchangeable and every policy breaks ties by the lowest index. Also keeps the occupied servers grouped by type
 * and utilisation ({@link UtilizationGroups}) for pruned power-aware searches, regrouping a server lazily after
 * the plan changes it.
 */
final class CandidateServers {
    private final int[] typeIndex;
    private final UtilizationGroups groups;
    private final IntList regroupDue = new IntList(64);
    private final boolean[] regroupPending;
    private final boolean[] occupied;
    private final IntList occupiedHosts = new IntList(64);
    private final List<IntList> emptyClasses = new ArrayList<>();
    /** Per empty class, how many leading members have since received VMs (they never leave the occupied set). */
    private int[] emptyClassCursor = new int[0];

    /**
     * @param accepts  servers that may receive VMs at all
     * @param holdsVms servers that hold or will hold a VM in the view
     * @param state    each server's state (empty servers are classed by it)
     */
    CandidateServers(ClusterView view, IntPredicate accepts, IntPredicate holdsVms, HostState[] state,
                     UtilizationGroups.BoundCache boundCache) {
        int hostCount = view.hostCount();
        typeIndex = new int[hostCount];
        regroupPending = new boolean[hostCount];
        occupied = new boolean[hostCount];
        // Host types are shared instances, so identity finds a server's class without hashing the records.
        Map<HostType, Integer> indexOfType = new IdentityHashMap<>();
        List<HostType> types = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            HostType type = view.hostType(h);
            Integer t = indexOfType.get(type);
            if (t == null) {
                t = types.size();
                indexOfType.put(type, t);
                types.add(type);
            }
            typeIndex[h] = t;
        }
        groups = new UtilizationGroups(types, hostCount, boundCache);
        List<IntList> byTypeAndState = new ArrayList<>();
        int states = HostState.values().length;
        for (int i = 0; i < types.size() * states; i++) {
            byTypeAndState.add(null);
        }
        for (int h = 0; h < hostCount; h++) {
            if (!accepts.test(h)) {
                continue;
            }
            if (holdsVms.test(h)) {
                occupied[h] = true;
                occupiedHosts.add(h);
                continue;
            }
            int key = typeIndex[h] * states + state[h].ordinal();
            IntList members = byTypeAndState.get(key);
            if (members == null) {
                members = new IntList();
                byTypeAndState.set(key, members);
                emptyClasses.add(members);
            }
            members.add(h);
        }
        for (int i = 0; i < occupiedHosts.size(); i++) {
            regroup(occupiedHosts.get(i));
        }
    }

    void forEachOccupied(IntPredicate filter, IntConsumer action) {
        for (int i = 0; i < occupiedHosts.size(); i++) {
            int h = occupiedHosts.get(i);
            if (filter.test(h)) {
                action.accept(h);
            }
        }
    }

    void forEachEmptyRepresentative(IntPredicate filter, IntConsumer action) {
        if (emptyClassCursor.length != emptyClasses.size()) {
            emptyClassCursor = new int[emptyClasses.size()];
        }
        for (int c = 0; c < emptyClasses.size(); c++) {
            IntList members = emptyClasses.get(c);
            while (emptyClassCursor[c] < members.size() && occupied[members.get(emptyClassCursor[c])]) {
                emptyClassCursor[c]++;
            }
            for (int i = emptyClassCursor[c]; i < members.size(); i++) {
                int h = members.get(i);
                if (!occupied[h] && filter.test(h)) {
                    action.accept(h);
                    break;
                }
            }
        }
    }

    /** Server {@code h} now holds a VM in the plan (it stays a candidate for the rest of the decision). */
    void occupy(int h) {
        if (!occupied[h]) {
            occupied[h] = true;
            occupiedHosts.add(h);
        }
    }

    /** The plan changed server {@code h}: its group is brought up to date when the groups are next asked for. */
    void regroup(int h) {
        if (!regroupPending[h]) {
            regroupPending[h] = true;
            regroupDue.add(h);
        }
    }

    /**
     * The groups, with every server changed since the last call regrouped.
     *
     * @param grouped  whether a server belongs in a group now (occupied ones only are asked)
     * @param usedCpu  MIPS its VMs occupy as planned
     * @param powerW   the power it drew at its measured utilisation
     */
    UtilizationGroups groups(IntPredicate grouped, IntToDoubleFunction usedCpu, IntToDoubleFunction powerW) {
        for (int i = 0; i < regroupDue.size(); i++) {
            int h = regroupDue.get(i);
            regroupPending[h] = false;
            if (!occupied[h] || !grouped.test(h)) {
                groups.remove(h);
            } else {
                groups.place(h, typeIndex[h], usedCpu.applyAsDouble(h), powerW.applyAsDouble(h));
            }
        }
        regroupDue.clear();
        return groups;
    }
}

package io.ldist.sim.world;

import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.util.IntList;

import java.util.Arrays;

/**
 * The simulated servers, as parallel arrays indexed by server that grow as servers are added: each one's type and
 * state, its VMs and those arriving by migration, its health, what its VMs were given at the last allocation, and
 * what becomes of it once drained. {@link VirtualFleet} keeps them consistent with its VMs.
 */
final class FleetHosts {
    /** Which servers' allocation is out of date: per server too, so grown with them. */
    private final AllocationChanges changes;
    int count;
    HostType[] type = new HostType[16];
    HostState[] state = new HostState[16];
    double[] activeSinceS = new double[16];
    IntList[] vms = new IntList[16];
    IntList[] incoming = new IntList[16];
    // Their sizes again, so that loops over every server read a plain array, not each server's lists.
    int[] vmsOn = new int[16];
    int[] arrivingOn = new int[16];
    boolean[] crashed = new boolean[16];
    int[] missedChecks = new int[16];
    long[] successes = new long[16];
    long[] failures = new long[16];
    double[] allocatedMips = new double[16];
    double[] requestedMips = new double[16];
    boolean[] intoStandby = new boolean[16];
    byte[] afterDrain = new byte[16];

    FleetHosts(AllocationChanges changes) {
        this.changes = changes;
    }

    /** A server of {@code hostType} in {@code hostState}, active since {@code nowS}, holding no VM yet. */
    int add(HostType hostType, HostState hostState, double nowS) {
        if (count == type.length) {
            grow(count * 2);
        }
        int h = count++;
        type[h] = hostType;
        state[h] = hostState;
        activeSinceS[h] = nowS;
        vms[h] = new IntList(4);
        incoming[h] = new IntList(2);
        return h;
    }

    void addVm(int h, int v) {
        vms[h].add(v);
        vmsOn[h]++;
    }

    void removeVm(int h, int v) {
        vms[h].removeValue(v);
        vmsOn[h]--;
    }

    void addArriving(int h, int v) {
        incoming[h].add(v);
        arrivingOn[h]++;
    }

    void removeArriving(int h, int v) {
        incoming[h].removeValue(v);
        arrivingOn[h]--;
    }

    private void grow(int capacity) {
        type = Arrays.copyOf(type, capacity);
        changes.grow(capacity);
        state = Arrays.copyOf(state, capacity);
        activeSinceS = Arrays.copyOf(activeSinceS, capacity);
        vms = Arrays.copyOf(vms, capacity);
        incoming = Arrays.copyOf(incoming, capacity);
        vmsOn = Arrays.copyOf(vmsOn, capacity);
        arrivingOn = Arrays.copyOf(arrivingOn, capacity);
        crashed = Arrays.copyOf(crashed, capacity);
        missedChecks = Arrays.copyOf(missedChecks, capacity);
        successes = Arrays.copyOf(successes, capacity);
        failures = Arrays.copyOf(failures, capacity);
        allocatedMips = Arrays.copyOf(allocatedMips, capacity);
        requestedMips = Arrays.copyOf(requestedMips, capacity);
        intoStandby = Arrays.copyOf(intoStandby, capacity);
        afterDrain = Arrays.copyOf(afterDrain, capacity);
    }
}

package io.ldist.sim.world;

import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The simulated VMs, as parallel arrays indexed by VM that grow as VMs are added: each one's type and status, its
 * server and migration, what it asks for and what it was given at the last allocation, and its utilisation history.
 */
final class FleetVms {
    int count;
    /** VMs waiting for a server. */
    int pending;
    VmType[] type = new VmType[16];
    VmStatus[] status = new VmStatus[16];
    int[] host = new int[16];
    int[] target = new int[16];
    double[] migrationEndS = new double[16];
    double[] demandMips = new double[16];
    double[] demandRamMb = new double[16];
    double[] demandGpus = new double[16];
    double[] givenMips = new double[16];
    /** VMs that lost their server in a failover and wait for another. */
    final BitSet displaced = new BitSet();
    final VmHistory history = new VmHistory(ClusterView.HISTORY_SAMPLES, 16);

    /** A VM of {@code vmType} waiting for a server. */
    int add(VmType vmType) {
        if (count == type.length) {
            grow(count * 2);
        }
        int v = count++;
        type[v] = vmType;
        status[v] = VmStatus.PENDING;
        pending++;
        host[v] = -1;
        target[v] = -1;
        return v;
    }

    /** The VM asks for nothing and gets nothing (it left its server). */
    void clearDemand(int v) {
        demandMips[v] = 0;
        demandRamMb[v] = 0;
        demandGpus[v] = 0;
        givenMips[v] = 0;
    }

    private void grow(int capacity) {
        type = Arrays.copyOf(type, capacity);
        status = Arrays.copyOf(status, capacity);
        host = Arrays.copyOf(host, capacity);
        target = Arrays.copyOf(target, capacity);
        migrationEndS = Arrays.copyOf(migrationEndS, capacity);
        demandMips = Arrays.copyOf(demandMips, capacity);
        demandRamMb = Arrays.copyOf(demandRamMb, capacity);
        demandGpus = Arrays.copyOf(demandGpus, capacity);
        givenMips = Arrays.copyOf(givenMips, capacity);
        history.grow(capacity);
    }
}

package io.ldist.engine.update;

import io.ldist.engine.model.HostId;
import io.ldist.engine.model.HostState;
import io.ldist.engine.util.IntList;

import java.util.ArrayList;
import java.util.List;

/**
 * How far one rolling update has come: the servers still to update, the batch under way, those updated, the
 * capacity added for it, and what it waits for. It changes only through {@link RollingUpdateStep}; its
 * {@link Memory} is a value that a fresh step takes back after a restart.
 */
final class RollingUpdate {
    enum Phase {
        /** Waiting for the pause after the last batch (or for the first batch's turn). */
        PAUSED,
        /** Capacity for the next batch was asked for; waiting for it to be in service. */
        ADDING_CAPACITY,
        /** A batch is draining, updating or on its way back. */
        IN_BATCH
    }

    final int number;
    final UpdateRequest request;
    final int perBatch;
    final int selected;
    /** Selected servers not yet taken out of service, in index order. */
    final IntList pending;
    /** The servers of the batch under way still out of service (draining or updating). */
    final IntList batch;
    /** Every server of the batch under way, for its note once it is over. */
    final IntList batchMembers;
    final IntList updated;
    /** Servers the update resumed or launched: held in service until it ends, then left to scale-in. */
    final IntList added;
    Phase phase;
    double nextBatchAtS;
    int batchNumber;
    int leftBeforeUpdate;
    String abortReason;

    RollingUpdate(int number, UpdateRequest request, IntList selectedHosts) {
        this(number, request, selectedHosts, selectedHosts.size());
        this.phase = Phase.PAUSED;
        this.nextBatchAtS = Double.NEGATIVE_INFINITY;
    }

    boolean aborted() {
        return abortReason != null;
    }

    /** A server that left service (failed, stopped, terminated) before or during its update. */
    static boolean leftService(HostState state) {
        return state == HostState.FAILED || state == HostState.TERMINATED || state == HostState.STANDBY;
    }

    static List<HostId> ids(IntList hosts) {
        List<HostId> ids = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            ids.add(HostId.of(hosts.get(i)));
        }
        return ids;
    }

    static List<HostId> ids(int[] hosts) {
        List<HostId> ids = new ArrayList<>(hosts.length);
        for (int h : hosts) {
            ids.add(HostId.of(h));
        }
        return ids;
    }

    /**
     * A rolling update's progress as a value (arrays are copies).
     *
     * @param abortReason null while the abort rule has not been breached
     */
    record Memory(int number, UpdateRequest request, int selected, int[] pending, int[] batch, int[] batchMembers,
                  int[] updated, int[] added, Phase phase, double nextBatchAtS, int batchNumber, int leftBeforeUpdate,
                  String abortReason) {
        Memory {
            pending = pending.clone();
            batch = batch.clone();
            batchMembers = batchMembers.clone();
            updated = updated.clone();
            added = added.clone();
        }
    }

    Memory remember() {
        return new Memory(number, request, selected, pending.toArray(), batch.toArray(), batchMembers.toArray(),
                updated.toArray(),
                added.toArray(), phase, nextBatchAtS, batchNumber, leftBeforeUpdate, abortReason);
    }

    static RollingUpdate recall(Memory m) {
        RollingUpdate u = new RollingUpdate(m.number(), m.request(), listOf(m.pending()), m.selected());
        addAll(u.batch, m.batch());
        addAll(u.batchMembers, m.batchMembers());
        addAll(u.updated, m.updated());
        addAll(u.added, m.added());
        u.phase = m.phase();
        u.nextBatchAtS = m.nextBatchAtS();
        u.batchNumber = m.batchNumber();
        u.leftBeforeUpdate = m.leftBeforeUpdate();
        u.abortReason = m.abortReason();
        return u;
    }

    private static IntList listOf(int[] values) {
        IntList list = new IntList(values.length);
        addAll(list, values);
        return list;
    }

    private static void addAll(IntList list, int[] values) {
        for (int v : values) {
            list.add(v);
        }
    }

    private RollingUpdate(int number, UpdateRequest request, IntList pending, int selected) {
        this.number = number;
        this.request = request;
        this.selected = selected;
        this.perBatch = request.batch().serversPerBatch(selected);
        this.pending = pending;
        this.batch = new IntList();
        this.batchMembers = new IntList();
        this.updated = new IntList();
        this.added = new IntList();
    }
}

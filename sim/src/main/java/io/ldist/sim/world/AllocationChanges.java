package io.ldist.sim.world;

import io.ldist.engine.util.IntList;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Which servers' CPU allocation is out of date, and which were reallocated since the recorder last looked: all of
 * them after a change of placement or server state (rare), or those listed after a change of demand (every task
 * start and end), so that neither the allocation nor the recorder looks at servers that did not change.
 */
final class AllocationChanges {
    private boolean allStale = true;
    private final IntList staleHosts = new IntList(64);
    private boolean[] stale;
    private boolean allChangedForRecorder = true;
    private final IntList changedForRecorder = new IntList(64);
    private boolean[] changed;

    AllocationChanges(int hostCapacity) {
        stale = new boolean[hostCapacity];
        changed = new boolean[hostCapacity];
    }

    /** Every server may have changed (a placement, a migration, a server state). */
    void markAll() {
        allStale = true;
    }

    /** Server {@code h}'s demand changed. */
    void mark(int h) {
        if (!allStale && !stale[h]) {
            stale[h] = true;
            staleHosts.add(h);
        }
    }

    /** Reallocates what is out of date, {@code allocate} doing one server, and notes it for the recorder. */
    void reallocate(int hostCount, IntConsumer allocate) {
        if (allStale) {
            for (int h = 0; h < hostCount; h++) {
                allocate.accept(h);
            }
            allChangedForRecorder = true;
        } else {
            for (int i = 0; i < staleHosts.size(); i++) {
                int h = staleHosts.get(i);
                allocate.accept(h);
                if (!allChangedForRecorder && !changed[h]) {
                    changed[h] = true;
                    changedForRecorder.add(h);
                }
            }
        }
        for (int i = 0; i < staleHosts.size(); i++) {
            stale[staleHosts.get(i)] = false;
        }
        staleHosts.clear();
        allStale = false;
    }

    boolean allChanged() {
        return allChangedForRecorder;
    }

    IntList changedHosts() {
        return changedForRecorder;
    }

    void takeChanges() {
        for (int i = 0; i < changedForRecorder.size(); i++) {
            changed[changedForRecorder.get(i)] = false;
        }
        changedForRecorder.clear();
        allChangedForRecorder = false;
    }

    void grow(int hostCapacity) {
        stale = Arrays.copyOf(stale, hostCapacity);
        changed = Arrays.copyOf(changed, hostCapacity);
    }
}

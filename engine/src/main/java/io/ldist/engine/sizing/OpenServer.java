package io.ldist.engine.sizing;

import java.util.ArrayList;
import java.util.List;

/** A server a greedy solver has opened: its type, the VMs given to it, and what they use on each dimension. */
final class OpenServer {
    final int type;
    final long[] used = new long[SizingProblem.DIMENSIONS];
    final List<Integer> members = new ArrayList<>();

    OpenServer(int type) {
        this.type = type;
    }

    /** Whether VM {@code v} may run on this type and fits beside the VMs here on every dimension. */
    boolean room(SizingProblem problem, int v) {
        if (!problem.fits(v, type)) {
            return false;
        }
        for (int d = 0; d < used.length; d++) {
            if (used[d] + problem.demand(v, d) > problem.capacity(type, d)) {
                return false;
            }
        }
        return true;
    }

    /** The largest share of capacity left free on any dimension once v is added. */
    double slackAfter(SizingProblem problem, int v) {
        double slack = 0;
        for (int d = 0; d < SizingProblem.SLOTS; d++) {
            long capacity = problem.capacity(type, d);
            if (capacity > 0) {
                slack = Math.max(slack, (double) (capacity - used[d] - problem.demand(v, d)) / capacity);
            }
        }
        return slack;
    }

    void add(SizingProblem problem, int v) {
        members.add(v);
        for (int d = 0; d < used.length; d++) {
            used[d] += problem.demand(v, d);
        }
    }

    int[] vms() {
        return members.stream().mapToInt(Integer::intValue).toArray();
    }
}

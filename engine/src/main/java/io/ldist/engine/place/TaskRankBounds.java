package io.ldist.engine.place;

import io.ldist.engine.decide.HostLoads;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;

/**
 * How a placement policy's task ranks can be bounded over a group of servers, so that the dispatch index can
 * skip whole groups that cannot hold a better server than one already found. A policy describes each server
 * by a few keys; the index keeps, per group, each key's minimum and maximum over the group's servers; the
 * policy turns those into a rank that no server of the group can beat for a given task. A group's figures lie
 * in one array from an offset: the minima of the {@code k} keys, then their maxima.
 *
 * <p>A bound only prunes: it must never exceed the true rank of any server of the group (a loose bound is
 * correct, only slower). The index always ranks the servers it reaches with the policy's own
 * {@link PlacementPolicy#rankForTask}, so the choice is exactly the full scan's.
 */
public interface TaskRankBounds {
    /** Relative slack taken off every bound, so that rounding in the bound never hides a server. */
    double SLACK = 1e-9;

    /** No bound at all: every group that has room is searched (correct for any policy, linear in the worst case). */
    TaskRankBounds NONE = new TaskRankBounds() {
        @Override
        public int keyCount() {
            return 0;
        }

        @Override
        public void keys(int host, HostLoads loads, double[] out, int at) {
        }

        @Override
        public double lowerBound(double[] group, int at, Resources demand) {
            return Double.NEGATIVE_INFINITY;
        }
    };

    int keyCount();

    /** Writes the server's keys to {@code out[at .. at + keyCount())}. */
    void keys(int host, HostLoads loads, double[] out, int at);

    /**
     * A rank no server of a group can beat for {@code demand}, from the group's key minima ({@code group[at]} to
     * {@code group[at + keyCount() - 1]}) and maxima (the next {@code keyCount()}).
     */
    double lowerBound(double[] group, int at, Resources demand);

    /**
     * The bound of a group whose servers are all of {@code type}. A policy whose rank is, for one host type, a
     * monotone function of its keys can give the rank at the group's extreme keys, with the rank's own
     * arithmetic: no slack, so that a server whose rank is that bound ties with it exactly and the search passes
     * over groups that can only tie at higher indices. By default the bound of a mixed group.
     */
    default double lowerBound(double[] group, int at, Resources demand, HostType type) {
        return lowerBound(group, at, demand);
    }

    /** Whether {@link #lowerBound(double[], int, Resources, HostType)} is tighter than the mixed bound (worth its lookup). */
    default boolean boundsPerType() {
        return false;
    }

    /** The bound of a policy whose rank does not depend on the task: the rank itself is the only key. */
    static TaskRankBounds taskIndependent(PlacementPolicy policy) {
        return new TaskRankBounds() {
            @Override
            public int keyCount() {
                return 1;
            }

            @Override
            public void keys(int host, HostLoads loads, double[] out, int at) {
                out[at] = policy.rankForTask(host, Resources.ZERO, loads);
            }

            @Override
            public double lowerBound(double[] group, int at, Resources demand) {
                return group[at];
            }
        };
    }

    /** {@code value} less the slack, for bounds computed by arithmetic other than the rank's own. */
    static double slack(double value) {
        return value - SLACK * Math.max(1, Math.abs(value));
    }
}

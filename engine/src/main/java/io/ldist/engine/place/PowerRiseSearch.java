package io.ldist.engine.place;

import io.ldist.engine.decide.UtilizationGroups;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.util.IntList;
import io.ldist.engine.util.KeyedIntList;

import java.util.function.IntPredicate;

/**
 * The pruned search for policies that rank a server by the rise of its power (PABFD): occupied servers are grouped by
 * type and utilisation ({@link UtilizationGroups}), each group's lowest possible rise is a bound, and groups are
 * visited from the lowest bound until none can beat the best server found; the VM-asking-nothing case has its
 * own exact walk. Gives the server a scan of every candidate would, only faster.
 */
final class PowerRiseSearch {
    private PowerRiseSearch() {
    }

    /**
     * A VM that asks for no CPU (a trace at 0 %) raises no server's power: on a candidate it ranks at the
     * server's offset P(planned u) - P(measured u), exactly, since the same sum is computed. Only servers whose
     * planned power is below their measured power rank below 0 W, and the groups list them; every other
     * candidate ranks 0 W or more. So: those first, then candidates by index until one ranks 0 W and qualifies,
     * which nothing after it can beat; if none does, every candidate has been looked at. (The pruned search
     * would walk through every server tied at 0 W, since its bounds allow for rounding.)
     */
    static void askingNothing(UtilizationGroups groups, IntPredicate excluded, BestHost best) {
        IntList below = groups.belowMeasured();
        for (int j = 0; j < below.size(); j++) {
            if (!excluded.test(below.get(j))) {
                best.consider(below.get(j));
            }
        }
        if (best.rank < 0) {
            return;
        }
        for (int h = groups.nextCandidate(0); h >= 0; h = groups.nextCandidate(h + 1)) {
            if (best.rank <= 0 && h > best.host) {
                return;
            }
            if (!excluded.test(h)) {
                best.consider(h);
            }
        }
    }

    /**
     * Looks at the groups of occupied servers by increasing lower bound of the power rise (on the comparison
     * grid), until the next bound exceeds the best server found. Untouched groups come in the order of their
     * bounds, remembered per VM size; a touched group's bound is its untouched twin's plus its smallest offset,
     * so it joins a small heap when its twin comes up and leaves it once no untouched group's bound is lower.
     * Each group is searched exactly ({@link #searchUntouched}, {@link #scanTouched}), so the result is the same
     * server as looking at all: the least rise, ties to the lowest index.
     */
    static void groups(UtilizationGroups groups, double vmMips, double ceiling, IntPredicate excluded,
                                     BestHost best) {
        int[] order = groups.orderBySlopeBound(vmMips, ceiling);
        int[] heap = groups.searchHeap();
        double[] bound = groups.searchBound();
        int waiting = 0;
        for (int g : order) {
            double level = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(groups.slopeBound(g, vmMips, ceiling));
            while (waiting > 0 && bound[heap[0]] <= level) {
                int touched = heap[0];
                waiting = pop(heap, waiting, bound);
                if (bound[touched] > best.rank) {
                    return;
                }
                scanTouched(groups, touched, groups.slopeBound(touched, vmMips, ceiling), excluded, best);
            }
            if (level > best.rank) {
                return; // every group left, untouched or waiting, rises more than the best
            }
            if (level == Double.POSITIVE_INFINITY) {
                break; // the rest are too full for the VM
            }
            // At a bound equal to the best rank a server wins only by a lower index: groups come in ties (a
            // flat piece of the power curve spans several), and most hold none lower.
            if (groups.occupied(g) && (level < best.rank || groups.members(g).get(0) < best.host)) {
                searchUntouched(groups, g, vmMips, excluded, best);
            }
            int twin = groups.touchedTwin(g);
            if (groups.occupied(twin)) {
                bound[twin] = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(groups.lowerBound(twin, vmMips, ceiling));
                waiting = push(heap, waiting, bound, twin);
            }
        }
        while (waiting > 0) {
            int touched = heap[0];
            waiting = pop(heap, waiting, bound);
            if (bound[touched] > best.rank) {
                return;
            }
            scanTouched(groups, touched, groups.slopeBound(touched, vmMips, ceiling), excluded, best);
        }
    }

    /** Adds group {@code g} to the binary heap {@code heap[0..size)} ordered by {@code bound}; returns the size. */
    private static int push(int[] heap, int size, double[] bound, int g) {
        int i = size;
        while (i > 0 && bound[heap[(i - 1) / 2]] > bound[g]) {
            heap[i] = heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        heap[i] = g;
        return size + 1;
    }

    /** Removes the least group from the heap; returns the new size. */
    private static int pop(int[] heap, int size, double[] bound) {
        int last = heap[--size];
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && bound[heap[child + 1]] < bound[heap[child]]) {
                child++;
            }
            if (bound[heap[child]] >= bound[last]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return size;
    }

    /**
     * Scans a touched group by increasing offset: a server's rise is at least the group's slope bound plus
     * its own offset, so the scan ends once that exceeds the best rise. Twins rank alike, so of each run of
     * them only the lowest index that qualifies matters, and one rank serves them all: replicated fleets, and
     * the first placement of many VMs of one size on empty servers, make long runs.
     */
    private static void scanTouched(UtilizationGroups groups, int g, double slopeBound, IntPredicate excluded,
                                    BestHost best) {
        KeyedIntList members = groups.members(g);
        int j = 0;
        while (j < members.size()) {
            int h = members.get(j);
            double least = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(slopeBound + members.key(j));
            if (least > best.rank) {
                return;
            }
            int end = groups.twinsEnd(g, j);
            if (least < best.rank || h < best.host) { // else no twin, all of higher index, can beat the best
                double rank = best.policy.rank(h, best.vm, best.plan);
                for (int t = j; t < end && best.beats(members.get(t), rank); t++) {
                    int twin = members.get(t);
                    if (!excluded.test(twin) && best.qualifies(twin)) {
                        best.offer(twin, rank);
                        break;
                    }
                }
            }
            j = end;
        }
    }

    /** Groups this small are cheaper to look at whole than to cut into pieces. */
    private static final int SMALL_GROUP = 6;
    /** Rises closer than this over a piece are taken as flat (all its servers tie on the grid). */
    private static final double FLAT_W = 1e-9;
    /** Slack for rounding in the bounds below, far under the grid step. */
    private static final double ROUNDING_W = 1e-9;
    /** Utilisations this close to a piece's end count as in the piece. */
    private static final double EDGE = 1e-12;

    /**
     * Finds the best server of an untouched group exactly, without looking at most of them. Over the group's
     * utilisations u, the rise P(u + share) - P(u) is linear between the points where u or u + share crosses a
     * point of the power curve. On a rising piece the best server is the least utilised one that qualifies, on
     * a falling piece the most utilised one: walk there by utilisation and stop once the rise exceeds the best.
     * On a flat piece every server rises the same: walk by index and stop at the first that qualifies.
     */
    private static void searchUntouched(UtilizationGroups groups, int g, double vmMips, IntPredicate excluded,
                                        BestHost best) {
        KeyedIntList sorted = groups.membersByUtilization(g);
        if (sorted.size() <= SMALL_GROUP) {
            KeyedIntList members = groups.members(g);
            for (int j = 0; j < members.size(); j++) {
                if (!excluded.test(members.get(j))) {
                    best.consider(members.get(j));
                }
            }
            return;
        }
        PowerCurve power = groups.typeOf(g).power();
        double share = vmMips / groups.typeOf(g).totalMips();
        double low = sorted.key(0);
        double high = sorted.key(sorted.size() - 1);
        int count = cuts(power, low, high, share, best);
        boolean onePiece = count == 2;
        for (int p = 0; p + 1 < count; p++) {
            double a = best.cuts[p];
            double b = best.cuts[p + 1];
            double riseA = power.watts(a + share) - power.watts(a);
            double riseB = power.watts(b + share) - power.watts(b);
            double floor = PowerAwareBestFitDecreasingPlacementPolicy.onGrid(Math.min(riseA, riseB) - ROUNDING_W);
            if (floor > best.rank) {
                continue;
            }
            int from = onePiece ? 0 : sorted.firstAtLeast(a - EDGE);
            int to = onePiece ? sorted.size() : sorted.firstAbove(b + EDGE);
            if (Math.abs(riseB - riseA) <= FLAT_W) {
                if (SPARSE_PIECE * (to - from) < sorted.size()) {
                    walkPiece(sorted, from, to, floor, excluded, best);
                } else {
                    walkByIndex(groups, g, onePiece, a, b, floor, excluded, best);
                }
            } else if (riseA < riseB) {
                walkUp(sorted, from, to, excluded, best);
            } else {
                walkDown(sorted, from, to, excluded, best);
            }
        }
    }

    /**
     * {@code low}, the utilisations strictly between where the rise bends, and {@code high}, in order, into
     * {@code cuts} (grown if needed); returns how many. The points where u crosses the curve's points and where
     * u + share does are each in order, so a merge orders them.
     */
    private static int cuts(PowerCurve power, double low, double high, double share, BestHost best) {
        int pieces = power.segments();
        best.cuts[0] = low;
        int n = 1;
        int k = (int) Math.floor(low * pieces) + 1;
        int m = (int) Math.floor((low + share) * pieces) + 1;
        while (true) {
            double own = k / (double) pieces;
            double shifted = m / (double) pieces - share;
            double next = Math.min(own, shifted);
            if (!(next < high)) {
                break;
            }
            if (own <= shifted) {
                k++;
            } else {
                m++;
            }
            if (next > best.cuts[n - 1]) {
                if (n + 1 >= best.cuts.length) {
                    best.cuts = java.util.Arrays.copyOf(best.cuts, best.cuts.length * 2);
                }
                best.cuts[n++] = next;
            }
        }
        best.cuts[n++] = high;
        return n;
    }

    /**
     * A flat piece holding this small a part of its group is walked whole, by utilisation: a walk by index
     * would pass mostly servers outside it.
     */
    private static final int SPARSE_PIECE = 4;

    /**
     * A flat piece, positions {@code [from, to)} of the group by utilisation: every server that could beat the
     * best, that is all but those of higher index once the best ranks at the piece's floor.
     */
    private static void walkPiece(KeyedIntList sorted, int from, int to, double floor, IntPredicate excluded,
                                  BestHost best) {
        for (int i = from; i < to; i++) {
            int h = sorted.get(i);
            if ((h < best.host || floor < best.rank) && !excluded.test(h)) {
                best.consider(h);
            }
        }
    }

    /**
     * A flat piece: by increasing index, skipping servers outside the piece (unless it is the whole group),
     * until a server qualifies at the piece's rise or indexes pass the best server's without a chance to beat it.
     */
    private static void walkByIndex(UtilizationGroups groups, int g, boolean wholeGroup, double a, double b,
                                    double floor, IntPredicate excluded, BestHost best) {
        KeyedIntList members = groups.members(g);
        for (int j = 0; j < members.size(); j++) {
            int h = members.get(j);
            if (best.host >= 0 && h > best.host && floor >= best.rank) {
                return;
            }
            if (!wholeGroup) {
                double u = members.key(j);
                if (u < a - EDGE || u > b + EDGE) {
                    continue;
                }
            }
            if (!excluded.test(h) && best.consider(h) && best.rank <= floor) {
                return;
            }
        }
    }

    /**
     * A rising piece, positions {@code [from, to)} of the group by utilisation: servers of equal utilisation
     * rise alike, so of each run of them only the lowest index that qualifies matters; the walk ends once a
     * rise exceeds the best by more than rounding can undo.
     */
    private static void walkUp(KeyedIntList sorted, int from, int to, IntPredicate excluded, BestHost best) {
        int i = from;
        while (i < to) {
            int runEnd = Math.min(to, sorted.firstAbove(sorted.key(i)));
            if (!offerRun(sorted, i, runEnd, excluded, best)) {
                return;
            }
            i = runEnd;
        }
    }

    /** A falling piece: as {@link #walkUp}, from the most utilised server down. */
    private static void walkDown(KeyedIntList sorted, int from, int to, IntPredicate excluded, BestHost best) {
        int i = to - 1;
        while (i >= from) {
            int runStart = Math.max(from, sorted.firstAtLeast(sorted.key(i)));
            if (!offerRun(sorted, runStart, i + 1, excluded, best)) {
                return;
            }
            i = runStart - 1;
        }
    }

    /** Beyond the best rank by this much, a walk along a sloping piece can stop. */
    private static final double STOP_W = 1.5 * PowerAwareBestFitDecreasingPlacementPolicy.RESOLUTION_W;

    /**
     * Offers servers of one utilisation, by increasing index, up to the first that qualifies; false when their
     * rise is so far above the best that the walk can stop.
     */
    private static boolean offerRun(KeyedIntList sorted, int from, int to, IntPredicate excluded, BestHost best) {
        for (int j = from; j < to; j++) {
            int h = sorted.get(j);
            double rank = best.policy.rank(h, best.vm, best.plan);
            if (rank > best.rank + STOP_W) {
                return false;
            }
            if (!excluded.test(h) && (!best.beats(h, rank) || best.qualifies(h))) {
                best.offer(h, rank); // the first of the run that qualifies, or one that cannot win anyway
                return true;
            }
        }
        return true;
    }
}

package io.ldist.engine.affinity;

import java.util.Arrays;
import java.util.Objects;

/**
 * One group of VMs that must (hard) or should (soft) share a server, or not share one.
 *
 * @param name    how events and messages name the group (the scenario's rule name, with the series or replica
 *                it was split by)
 * @param kind    together or apart
 * @param weight  0 for a hard rule; in (0, 1] for a soft one, where 1 outweighs the largest difference of rank the
 *                placement policy makes between two servers (see {@code PlacementPolicy.rankSpan})
 * @param members VM indexes, at least two, distinct, ascending
 */
public record AffinityRule(String name, Kind kind, double weight, int[] members) {
    public enum Kind { TOGETHER, APART }

    public static final double HARD = 0;

    public AffinityRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be 0 (hard) or in (0, 1], was " + weight);
        }
        members = members.clone();
        Arrays.sort(members);
        if (members.length < 2) {
            throw new IllegalArgumentException("rule " + name + " needs at least two VMs, has " + members.length);
        }
        for (int i = 0; i < members.length; i++) {
            if (members[i] < 0 || (i > 0 && members[i] == members[i - 1])) {
                throw new IllegalArgumentException("rule " + name + ": VM indexes must be distinct and >= 0");
            }
        }
    }

    public boolean hard() {
        return weight == HARD;
    }

    @Override
    public int[] members() {
        return members.clone();
    }

    /** The {@code i}-th member, in ascending order (no copy, unlike {@link #members}). */
    public int member(int i) {
        return members[i];
    }

    public int memberCount() {
        return members.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffinityRule r && name.equals(r.name) && kind == r.kind && weight == r.weight
                && Arrays.equals(members, r.members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, weight, Arrays.hashCode(members));
    }

    @Override
    public String toString() {
        return (hard() ? "hard " : "soft(" + weight + ") ") + kind.name().toLowerCase(java.util.Locale.ROOT) + " "
                + name + " " + Arrays.toString(members);
    }
}

package io.ldist.engine.affinity;

import java.util.Arrays;
import java.util.List;

/**
 * The fleet's affinity and anti-affinity groups, indexed by VM so that a placement check touches only the rules
 * of the VM being placed. VMs the rules do not name (all VMs of task streams, VMs created later) have none.
 * Contradictions (a VM kept together, directly or through other groups, with one it must be kept apart from)
 * are refused here, so every driver gets the same guarantee as the scenario loader gives.
 */
public final class AffinityRules {
    public static final AffinityRules NONE = new AffinityRules(List.of());

    private final List<AffinityRule> rules;
    /** Rules of VM v: ruleIds[ruleStart[v] .. ruleStart[v + 1]). */
    private final int[] ruleStart;
    private final int[] ruleIds;
    private final boolean[] hasSoft;

    public AffinityRules(List<AffinityRule> rules) {
        this.rules = List.copyOf(rules);
        int vms = 0;
        for (AffinityRule rule : this.rules) {
            vms = Math.max(vms, rule.member(rule.memberCount() - 1) + 1);
        }
        ruleStart = new int[vms + 1];
        for (AffinityRule rule : this.rules) {
            for (int i = 0; i < rule.memberCount(); i++) {
                ruleStart[rule.member(i) + 1]++;
            }
        }
        for (int v = 0; v < vms; v++) {
            ruleStart[v + 1] += ruleStart[v];
        }
        ruleIds = new int[ruleStart[vms]];
        hasSoft = new boolean[vms];
        int[] next = Arrays.copyOf(ruleStart, vms);
        for (int r = 0; r < this.rules.size(); r++) {
            AffinityRule rule = this.rules.get(r);
            for (int i = 0; i < rule.memberCount(); i++) {
                int v = rule.member(i);
                ruleIds[next[v]++] = r;
                hasSoft[v] |= !rule.hard();
            }
        }
        Contradiction.find(this.rules).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public List<AffinityRule> rules() {
        return rules;
    }

    /** Number of rules VM {@code v} belongs to. */
    public int ruleCountOf(int v) {
        return v + 1 < ruleStart.length ? ruleStart[v + 1] - ruleStart[v] : 0;
    }

    /** The {@code i}-th rule of VM {@code v}. */
    public AffinityRule ruleOf(int v, int i) {
        return rules.get(ruleIds[ruleStart[v] + i]);
    }

    /** Whether VM {@code v} belongs to a soft rule (its host ranking then carries a penalty). */
    public boolean hasSoftRule(int v) {
        return v < hasSoft.length && hasSoft[v];
    }

    /** Finds hard rules that cannot all hold, as one sentence, for a driver to refuse. */
    static final class Contradiction {
        private Contradiction() {
        }

        static java.util.Optional<String> find(List<AffinityRule> rules) {
            int vms = 0;
            for (AffinityRule rule : rules) {
                vms = Math.max(vms, rule.member(rule.memberCount() - 1) + 1);
            }
            int[] parent = new int[vms];
            for (int v = 0; v < vms; v++) {
                parent[v] = v;
            }
            for (AffinityRule rule : rules) {
                if (rule.hard() && rule.kind() == AffinityRule.Kind.TOGETHER) {
                    for (int i = 1; i < rule.memberCount(); i++) {
                        int a = root(parent, rule.member(0));
                        int b = root(parent, rule.member(i));
                        if (a != b) {
                            parent[b] = a;
                        }
                    }
                }
            }
            for (AffinityRule rule : rules) {
                if (!rule.hard() || rule.kind() != AffinityRule.Kind.APART) {
                    continue;
                }
                for (int i = 0; i < rule.memberCount(); i++) {
                    for (int j = 0; j < i; j++) {
                        if (root(parent, rule.member(i)) == root(parent, rule.member(j))) {
                            return java.util.Optional.of("vm-" + rule.member(j) + " and vm-" + rule.member(i)
                                    + " must be kept apart by " + rule.name()
                                    + " but together by the together rules joining them");
                        }
                    }
                }
            }
            return java.util.Optional.empty();
        }

        private static int root(int[] parent, int v) {
            while (parent[v] != v) {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            return v;
        }
    }
}

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
        AffinityContradiction.find(this.rules).ifPresent(contradiction -> {
            throw new IllegalArgumentException(contradiction.describe(this.rules));
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
}

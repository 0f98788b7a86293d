package io.ldist.engine.affinity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Two VMs that a hard apart rule keeps off one server while hard together rules, directly or through VMs they
 * share, keep them on one: no placement honours both. Found once, here, for the engine to refuse and for a scenario
 * loader to phrase in its own terms.
 *
 * @param apartRule     index of the apart rule in the list searched
 * @param first         the lower-numbered of the two VMs
 * @param second        the other
 * @param togetherRules indexes of the together rules that join them (those of their together component), ascending
 */
public record AffinityContradiction(int apartRule, int first, int second, List<Integer> togetherRules) {
    public AffinityContradiction {
        togetherRules = List.copyOf(togetherRules);
    }

    /** The first contradiction among {@code rules}, by apart rule then VM pair, if any. */
    public static Optional<AffinityContradiction> find(List<AffinityRule> rules) {
        int vms = 0;
        for (AffinityRule rule : rules) {
            vms = Math.max(vms, rule.member(rule.memberCount() - 1) + 1);
        }
        int[] parent = new int[vms];
        List<TreeSet<Integer>> joinedBy = new ArrayList<>();
        for (int v = 0; v < vms; v++) {
            parent[v] = v;
            joinedBy.add(new TreeSet<>());
        }
        for (int r = 0; r < rules.size(); r++) {
            AffinityRule rule = rules.get(r);
            if (!rule.hard() || rule.kind() != AffinityRule.Kind.TOGETHER) {
                continue;
            }
            int a = root(parent, rule.member(0));
            joinedBy.get(a).add(r);
            for (int i = 1; i < rule.memberCount(); i++) {
                int b = root(parent, rule.member(i));
                if (a != b) {
                    parent[b] = a;
                    joinedBy.get(a).addAll(joinedBy.get(b));
                }
            }
        }
        for (int r = 0; r < rules.size(); r++) {
            AffinityRule rule = rules.get(r);
            if (!rule.hard() || rule.kind() != AffinityRule.Kind.APART) {
                continue;
            }
            for (int i = 1; i < rule.memberCount(); i++) {
                for (int j = 0; j < i; j++) {
                    int root = root(parent, rule.member(i));
                    if (root == root(parent, rule.member(j))) {
                        return Optional.of(new AffinityContradiction(r, rule.member(j), rule.member(i),
                                new ArrayList<>(joinedBy.get(root))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One sentence naming the VMs by index and the rules by name. */
    public String describe(List<AffinityRule> rules) {
        TreeSet<String> together = new TreeSet<>();
        togetherRules.forEach(r -> together.add(rules.get(r).name()));
        return "vm-" + first + " and vm-" + second + " must be kept apart by " + rules.get(apartRule).name()
                + " but together by " + String.join(", ", together);
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}

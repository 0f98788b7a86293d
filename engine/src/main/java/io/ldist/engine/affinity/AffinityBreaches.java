package io.ldist.engine.affinity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which rules an observed fleet breaks, read the way {@code AffinityCheck} places VMs: a migrating VM occupies
 * both its source and its target (apart), and belongs where it is going (together); VMs on no server break
 * nothing. Drivers use it to check hard rules after every plan and to count soft breaches as a metric.
 */
public final class AffinityBreaches {
    private AffinityBreaches() {
    }

    /**
     * @param hostOf   server each VM runs on (the source while it migrates), or -1
     * @param targetOf destination of each VM's migration under way, or -1
     * @param hard     true for the hard rules, false for the soft ones
     * @return each broken rule, described
     */
    public static List<String> of(AffinityRules rules, IntUnaryOperator hostOf, IntUnaryOperator targetOf,
                                  boolean hard) {
        List<String> broken = new ArrayList<>();
        for (AffinityRule rule : rules.rules()) {
            if (rule.hard() != hard) {
                continue;
            }
            String why = rule.kind() == AffinityRule.Kind.APART ? sharing(rule, hostOf, targetOf)
                    : split(rule, hostOf, targetOf);
            if (why != null) {
                broken.add(rule.name() + ": " + why);
            }
        }
        return broken;
    }

    private static String sharing(AffinityRule rule, IntUnaryOperator hostOf, IntUnaryOperator targetOf) {
        for (int i = 0; i < rule.memberCount(); i++) {
            int a = rule.member(i);
            for (int j = 0; j < i; j++) {
                int b = rule.member(j);
                int shared = shared(hostOf.applyAsInt(a), targetOf.applyAsInt(a), hostOf.applyAsInt(b),
                        targetOf.applyAsInt(b));
                if (shared >= 0) {
                    return "vm-" + b + " and vm-" + a + " share host-" + shared;
                }
            }
        }
        return null;
    }

    private static int shared(int hostA, int targetA, int hostB, int targetB) {
        if (hostA < 0 || hostB < 0) {
            return -1;
        }
        if (hostA == hostB || hostA == targetB) {
            return hostA;
        }
        return targetA >= 0 && (targetA == hostB || targetA == targetB) ? targetA : -1;
    }

    private static String split(AffinityRule rule, IntUnaryOperator hostOf, IntUnaryOperator targetOf) {
        int first = -1;
        int firstAt = -1;
        for (int i = 0; i < rule.memberCount(); i++) {
            int v = rule.member(i);
            int host = hostOf.applyAsInt(v);
            if (host < 0) {
                continue;
            }
            int target = targetOf.applyAsInt(v);
            int at = target >= 0 ? target : host;
            if (firstAt < 0) {
                first = v;
                firstAt = at;
            } else if (at != firstAt) {
                return "vm-" + first + " is bound for host-" + firstAt + " but vm-" + v + " for host-" + at;
            }
        }
        return null;
    }
}

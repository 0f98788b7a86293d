package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;
import io.ldist.engine.registry.PolicyContext;

/**
 * How far ahead a predictive detector looks: the time the longest live migration off a server would take (its
 * VM with the most RAM, plus one VM being considered), since a server found overloaded now sheds load only
 * once that migration ends.
 */
final class LongestMigration {
    private LongestMigration() {
    }

    /** Seconds the longest migration off {@code host}, with {@code extraVm} when it is {@code >= 0}, takes. */
    static double seconds(int host, PlanView plan, int extraVm, PolicyContext context) {
        double ram = extraVm >= 0 ? plan.vmType(extraVm).ramMb() : 0;
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            ram = Math.max(ram, plan.vmType(plan.vmOn(host, i)).ramMb());
        }
        return context.migrationTimeS(ram, plan.hostType(host).netMbps());
    }

    /** {@link #seconds} in decision intervals, rounded up. */
    static int intervals(int host, PlanView plan, int extraVm, PolicyContext context) {
        return (int) Math.ceil(seconds(host, plan, extraVm, context) / context.decisionIntervalS());
    }
}

package io.ldist.engine.decide;

import io.ldist.engine.affinity.AffinityRule;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;

/**
 * The one place that decides whether a server may take a VM under the fleet's affinity rules, and how much a
 * server breaks the VM's soft rules: {@link PlanningState#fits} asks the first, so every placement search (initial
 * placement, consolidation, failover, scale-in) obeys hard rules without knowing them, and the host search adds the
 * second to the policy's rank.
 *
 * <p>Where a partner VM counts is read cautiously, so that no sequence of tentative moves can break a hard rule:
 * <ul>
 *   <li>one migrating counts on its target for {@code together} (where it will be), and on both source and target
 *       for {@code apart} (it occupies both until it arrives);</li>
 *   <li>one a step has taken off its server for now (to try moving it) still counts on that server, since the step
 *       may put it back (a VM this plan placed too); unless that server has failed, which it will never return
 *       to.</li>
 * </ul>
 * A consequence: VMs held together move as a group only when their server fails (all are displaced, the first
 * chooses, the others follow); consolidation and scale-in, which move VMs one by one, leave such a group where it is.
 */
final class AffinityCheck {
    private AffinityCheck() {
    }

    /** Whether server {@code h} may take VM {@code v} under the hard rules. */
    static boolean allows(PlanView plan, AffinityRules rules, int h, int v) {
        for (int r = 0, n = rules.ruleCountOf(v); r < n; r++) {
            AffinityRule rule = rules.ruleOf(v, r);
            if (!rule.hard()) {
                continue;
            }
            if (rule.kind() == AffinityRule.Kind.APART ? sharesWithAnyOf(plan, rule, h, v)
                    : !joinsTogether(plan, rule, h, v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How much server {@code h} breaks VM {@code v}'s soft rules: per rule, its weight times the share of the other
     * members it is wrongly placed with (apart) or without (together, among those placed), so in [0, rules].
     */
    static double softPenalty(PlanView plan, AffinityRules rules, int h, int v) {
        double penalty = 0;
        for (int r = 0, n = rules.ruleCountOf(v); r < n; r++) {
            AffinityRule rule = rules.ruleOf(v, r);
            if (rule.hard()) {
                continue;
            }
            int others = 0;
            int broken = 0;
            for (int i = 0; i < rule.memberCount(); i++) {
                int p = rule.member(i);
                if (p == v) {
                    continue;
                }
                others++;
                if (rule.kind() == AffinityRule.Kind.APART) {
                    broken += occupies(plan, p, h) ? 1 : 0;
                } else {
                    int at = settledHost(plan, p);
                    broken += at >= 0 && at != h ? 1 : 0;
                }
            }
            penalty += rule.weight() * broken / others;
        }
        return penalty;
    }

    private static boolean sharesWithAnyOf(PlanView plan, AffinityRule rule, int h, int v) {
        for (int i = 0; i < rule.memberCount(); i++) {
            int p = rule.member(i);
            if (p != v && occupies(plan, p, h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code h} is where the group's placed members are; when none is placed, whether {@code h} has room
     * (by the VM limit) for all the members still to come, so that the first does not choose a server the others
     * cannot follow it to.
     */
    private static boolean joinsTogether(PlanView plan, AffinityRule rule, int h, int v) {
        int unplaced = 0;
        for (int i = 0; i < rule.memberCount(); i++) {
            int p = rule.member(i);
            if (p == v) {
                continue;
            }
            int at = settledHost(plan, p);
            if (at >= 0 && at != h) {
                return false;
            }
            unplaced += at < 0 ? 1 : 0;
        }
        int limit = plan.rules().maxVmsPerHost();
        return unplaced < rule.memberCount() - 1 || plan.placedVmCount(h) + 1 + unplaced <= limit
                || limit == FleetRules.NO_VM_LIMIT;
    }

    /** Where VM {@code p} is or will be once the plan and its migration are done, or -1 when nowhere. */
    private static int settledHost(PlanView plan, int p) {
        if (p >= plan.vmCount()) {
            return -1;
        }
        int h = plan.vmHost(p);
        if (h >= 0) {
            return plan.vmMigrating(p) && plan.isExistingVm(p) && h == plan.view().vmHost(p)
                    ? plan.view().vmMigrationTarget(p) : h;
        }
        return mayReturnTo(plan, p);
    }

    /** Whether VM {@code p} is on, arriving at, or may be put back on server {@code h}. */
    private static boolean occupies(PlanView plan, int p, int h) {
        if (p >= plan.vmCount()) {
            return false;
        }
        int at = plan.vmHost(p);
        if (at >= 0) {
            return at == h || (plan.vmMigrating(p) && plan.isExistingVm(p) && at == plan.view().vmHost(p)
                    && plan.view().vmMigrationTarget(p) == h);
        }
        return mayReturnTo(plan, p) == h;
    }

    /**
     * The server a VM the plan has taken off its server may still be put back on, or -1: a running VM's own
     * server, or for one this plan placed and took off again (a pending VM placed, then tried elsewhere by
     * consolidation), the server it was taken off; never a failed one.
     */
    private static int mayReturnTo(PlanView plan, int p) {
        int was = -1;
        if (plan.isExistingVm(p)) {
            ClusterView view = plan.view();
            VmStatus status = view.vmStatus(p);
            boolean running = status == VmStatus.RUNNING || status == VmStatus.MIGRATING;
            was = running ? view.vmHost(p) : -1;
        }
        if (was < 0) {
            was = plan.takenFrom(p);
        }
        return was >= 0 && plan.hostState(was) != HostState.FAILED ? was : -1;
    }
}

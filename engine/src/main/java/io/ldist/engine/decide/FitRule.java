package io.ldist.engine.decide;

import io.ldist.engine.model.HostType;

/**
 * Whether a server can take a VM in the plan, whatever the policy: the server accepts VMs, no step has closed it,
 * the plan has taken none of its own VMs off it, it holds fewer than the fleet's most VMs per server, its cores
 * and its pool suit the VM, it has room left for it, and the VM's affinity rules allow it there.
 */
final class FitRule {
    private final FleetRules rules;
    private final PlannedHosts hosts;
    private final HostLedger ledger;
    private final PlannedVms vms;
    /** The plan the affinity rules read where the VM's group members are. */
    private final PlanView plan;

    FitRule(FleetRules rules, PlannedHosts hosts, HostLedger ledger, PlannedVms vms, PlanView plan) {
        this.rules = rules;
        this.hosts = hosts;
        this.ledger = ledger;
        this.vms = vms;
        this.plan = plan;
    }

    boolean fits(int h, int v) {
        if (!hosts.accepts[h] || hosts.closed[h] || ledger.ownVmsAway(h)
                || ledger.placedVms(h) >= rules.maxVmsPerHost()) {
            return false;
        }
        HostType type = hosts.type[h];
        int vmCores = vms.type[v].cores();
        if (vmCores > type.cores() || vms.cpu[v] / vmCores > type.mipsPerCore()
                || !rules.pools().admits(type, vms.type[v])) {
            return false; // a server runs its own pool's VMs only
        }
        return ledger.hasRoom(h, type, vms, v)
                && (rules.affinity().ruleCountOf(v) == 0 || AffinityCheck.allows(plan, rules.affinity(), h, v));
    }
}

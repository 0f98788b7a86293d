package io.ldist.engine.consolidate;

import io.ldist.engine.decide.PlanView;

/**
 * A server's CPU utilisation history as the study builds it: not the server's own past, but the sum of the
 * histories of the VMs it holds now (as planned, plus one VM being considered), each weighted by the VM's MIPS
 * over the server's; newest first, at most {@link #LENGTH} samples, trailing zeros dropped.
 */
final class HostHistory {
    static final int LENGTH = io.ldist.engine.model.ClusterView.HISTORY_SAMPLES;

    private HostHistory() {
    }

    /** The history of {@code host} with {@code extraVm} added when it is {@code >= 0}; newest first. */
    static double[] of(int host, PlanView plan, int extraVm) {
        double[] history = new double[LENGTH];
        double hostMips = plan.hostType(host).totalMips();
        for (int i = 0, n = plan.vmCountOn(host); i < n; i++) {
            add(history, plan.vmOn(host, i), hostMips, plan);
        }
        if (extraVm >= 0) {
            add(history, extraVm, hostMips, plan);
        }
        int length = LENGTH;
        while (length > 0 && history[length - 1] == 0) {
            length--;
        }
        return java.util.Arrays.copyOf(history, length);
    }

    private static void add(double[] history, int vm, double hostMips, PlanView plan) {
        if (!plan.isExistingVm(vm)) {
            return; // a VM the plan creates has no past
        }
        double weight = plan.vmType(vm).totalMips() / hostMips;
        int samples = Math.min(LENGTH, plan.view().vmHistoryLength(vm));
        for (int age = 0; age < samples; age++) {
            history[age] += plan.view().vmHistory(vm, age) * weight;
        }
    }
}

package io.ldist.live.hypervisor;

/**
 * The errors both hypervisors raise for requests that cannot be met, worded once so that a test or an operator
 * sees the same message from the simulated hosts as from real ones.
 */
final class VmChecks {
    private VmChecks() {
    }

    static HypervisorException noSuchVm(String instanceId, String operation) {
        return new HypervisorException(instanceId, HypervisorException.Kind.NO_SUCH_VM,
                operation + ": no VM of that name on the instance");
    }

    static HypervisorException notOnEitherHost(String fromInstanceId, String vmName, String toInstanceId) {
        return new HypervisorException(fromInstanceId, HypervisorException.Kind.NOT_ON_EITHER_HOST,
                "move " + vmName + " to " + toInstanceId + ": the VM is on neither " + fromInstanceId + " nor "
                        + toInstanceId);
    }

    /** Start-VM returns once the VM is starting; a VM that is neither running nor on its way there did not start. */
    static void requireStarted(String instanceId, String operation, HostedVm vm) {
        VmPowerState s = vm.state();
        if (s != VmPowerState.RUNNING && s != VmPowerState.STARTING && s != VmPowerState.RESUMING) {
            throw new HypervisorException(instanceId, operation + ": " + s + " after Start-VM");
        }
    }
}

package io.ldist.live.hypervisor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Hyper-V on EC2 instances through Systems Manager Run Command ({@code AWS-RunPowerShellScript}, Windows
 * PowerShell 5.1). Each call sends one script from {@link HyperVScripts}, waits for it (see {@link SsmScriptRunner}),
 * reads the VMs it wrote with {@link HyperVJson} and checks that they are as asked; anything else is a
 * {@link HypervisorException}. Thread-safe if the client is (the SDK's clients are).
 */
public final class SsmHyperV implements Hypervisor {
    private final SsmScriptRunner runner;
    private final HyperVScripts scripts;
    private final DestinationHostResolver destinations;
    private final SsmRunSettings settings;

    /** Default layout ({@link HyperVLayout#DEFAULT}), timings and the system clock. */
    public SsmHyperV(SsmClient ssm, DestinationHostResolver destinations) {
        this(ssm, destinations, HyperVLayout.DEFAULT, SsmRunSettings.defaults(), PollClock.system());
    }

    public SsmHyperV(SsmClient ssm, DestinationHostResolver destinations, HyperVLayout layout,
                     SsmRunSettings settings, PollClock clock) {
        this.runner = new SsmScriptRunner(ssm, settings, clock);
        this.scripts = new HyperVScripts(layout);
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.settings = settings;
    }

    @Override
    public List<HostedVm> list(String instanceId) {
        return run(instanceId, "list VMs", scripts.list(), settings.callTimeout());
    }

    @Override
    public void create(String instanceId, VmSpec spec) {
        String operation = "create " + spec.name();
        List<HostedVm> after = run(instanceId, operation, scripts.create(spec), settings.callTimeout());
        if (after.stream().noneMatch(vm -> vm.name().equals(spec.name()))) {
            throw new HypervisorException(instanceId, operation + ": New-VM ran but no VM of that name is listed");
        }
    }

    @Override
    public void start(String instanceId, String vmName) {
        String operation = "start " + VmSpec.requireSafeName(vmName);
        List<HostedVm> after = run(instanceId, operation, scripts.start(vmName), settings.callTimeout());
        if (after.isEmpty()) {
            throw VmChecks.noSuchVm(instanceId, operation);
        }
        for (HostedVm vm : after) {
            VmChecks.requireStarted(instanceId, operation, vm);
        }
    }

    @Override
    public void stop(String instanceId, String vmName) {
        String operation = "stop " + VmSpec.requireSafeName(vmName);
        for (HostedVm vm : run(instanceId, operation, scripts.stop(vmName), settings.callTimeout())) {
            if (vm.state() != VmPowerState.OFF) {
                throw new HypervisorException(instanceId, operation + ": still " + vm.state() + " after Stop-VM");
            }
        }
    }

    @Override
    public void remove(String instanceId, String vmName) {
        String operation = "remove " + VmSpec.requireSafeName(vmName);
        if (!run(instanceId, operation, scripts.remove(vmName), settings.callTimeout()).isEmpty()) {
            throw new HypervisorException(instanceId, operation + ": still listed after Remove-VM");
        }
    }

    /**
     * Moves from the source when the VM is there, then checks that the destination lists it: so a move already
     * done is a no-op (the script finds nothing to move), and a VM on neither host is an error either way.
     */
    @Override
    public void move(String fromInstanceId, String vmName, String toInstanceId) {
        VmSpec.requireSafeName(vmName);
        if (fromInstanceId.equals(toInstanceId)) {
            if (list(fromInstanceId).stream().noneMatch(vm -> vm.name().equals(vmName))) {
                throw VmChecks.notOnEitherHost(fromInstanceId, vmName, toInstanceId);
            }
            return;
        }
        String destinationHost = HyperVScripts.requireHostName(destinations.hostNameOf(toInstanceId));
        String operation = "move " + vmName + " to " + toInstanceId + " (" + destinationHost + ")";
        List<HostedVm> left = run(fromInstanceId, operation, scripts.move(vmName, destinationHost),
                settings.moveTimeout());
        if (!left.isEmpty()) {
            throw new HypervisorException(fromInstanceId, operation + ": still on the source after Move-VM");
        }
        if (list(toInstanceId).stream().noneMatch(vm -> vm.name().equals(vmName))) {
            throw VmChecks.notOnEitherHost(fromInstanceId, vmName, toInstanceId);
        }
    }

    private List<HostedVm> run(String instanceId, String operation, String script, Duration timeout) {
        String output = runner.run(instanceId, operation, script, timeout);
        try {
            return HyperVJson.parse(output);
        } catch (HyperVJson.UnreadableOutputException e) {
            throw new HypervisorException(instanceId, HypervisorException.Kind.UNREADABLE_OUTPUT,
                    operation + ": " + e.getMessage(), e);
        }
    }
}

package io.ldist.live.hypervisor;

import java.util.List;

/**
 * The hypervisor of each server, as the live driver sees it: list, create, start, stop, remove and move VMs on one
 * EC2 instance. One implementation runs Hyper-V PowerShell through Systems Manager Run Command; another keeps VMs in
 * memory per instance (tests, and {@code --hypervisor simulated} against an endpoint with no real hosts).
 *
 * <p>Every call is idempotent by VM name: creating a VM that exists with the same spec, starting a running VM,
 * stopping an off one or removing a missing one succeed without change, so a replayed journal entry is harmless.
 * Failures (a script that failed, timed out, or answered what cannot be parsed) raise {@link HypervisorException}.
 */
public interface Hypervisor {

    /** The VMs on the instance now, in name order. Empty when it has none. */
    List<HostedVm> list(String instanceId);

    /** Creates the VM (off) if no VM of that name exists on the instance. */
    void create(String instanceId, VmSpec spec);

    /** Starts the named VM; it must exist. */
    void start(String instanceId, String vmName);

    /** Stops the named VM (a clean shutdown, then off); no-op when it is off or missing. */
    void stop(String instanceId, String vmName);

    /** Stops and deletes the named VM; no-op when it is missing. */
    void remove(String instanceId, String vmName);

    /** Live-migrates the named VM with its storage to another instance; no-op when it is there already. */
    void move(String fromInstanceId, String vmName, String toInstanceId);
}

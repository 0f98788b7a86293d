package io.ldist.live.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.Action;
import io.ldist.engine.plan.AssignTask;
import io.ldist.engine.plan.DrainHost;
import io.ldist.engine.plan.FenceHost;
import io.ldist.engine.plan.LaunchHost;
import io.ldist.engine.plan.MigrateVm;
import io.ldist.engine.plan.PlaceVm;
import io.ldist.engine.plan.Plan;
import io.ldist.engine.plan.PlanValidator;
import io.ldist.engine.plan.ResumeHost;
import io.ldist.engine.plan.StopHost;
import io.ldist.engine.plan.TerminateHost;
import io.ldist.engine.plan.UpdateHost;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.cloud.CloudInstance;
import io.ldist.live.cloud.LaunchRequest;
import io.ldist.live.cloud.LaunchSpec;
import io.ldist.live.cloud.Tags;
import io.ldist.live.hypervisor.Hypervisor;
import io.ldist.live.hypervisor.VmSpec;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveNames;
import io.ldist.live.state.LiveHost;
import io.ldist.live.state.LiveVm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a plan's actions into EC2 and hypervisor calls, in the plan's order, each one journaled as an intent
 * (forced to disk), made, and journaled as done or failed (forced again). Every call is idempotent or checked
 * first: a launch looks up its token's instance before launching (moto, unlike EC2, ignores client tokens), VMs
 * are created, started and removed by name. An action the fleet no longer allows (checked with the engine's
 * {@link PlanValidator} against the fleet as it stands after the plan's earlier actions) is skipped, not forced.
 */
public final class LiveExecutor {
    private final LiveFleet fleet;
    private final Cloud cloud;
    private final Hypervisor hypervisor;
    private final Journal journal;
    private final LaunchSpec launch;
    private final String incarnation;
    private final int maxVmsPerHost;
    private final CrashPoint crash;

    public LiveExecutor(LiveFleet fleet, Cloud cloud, Hypervisor hypervisor, Journal journal, LaunchSpec launch,
                        String incarnation, int maxVmsPerHost, CrashPoint crash) {
        this.fleet = fleet;
        this.cloud = cloud;
        this.hypervisor = hypervisor;
        this.journal = journal;
        this.launch = launch;
        this.incarnation = incarnation;
        this.maxVmsPerHost = maxVmsPerHost;
        this.crash = crash;
    }

    /** Applies every action in order; the outcomes say what became of each. */
    public List<ActionOutcome> apply(Plan plan) {
        List<ActionOutcome> outcomes = new ArrayList<>(plan.size());
        for (Action action : plan.actions()) {
            outcomes.add(applyOne(action));
        }
        return outcomes;
    }

    private ActionOutcome applyOne(Action action) {
        String problem = PlanValidator.problem(action, fleet, maxVmsPerHost);
        if (problem != null) {
            return new ActionOutcome(action, ActionOutcome.Result.SKIPPED, problem);
        }
        if (action instanceof AssignTask a) {
            return assignTask(a); // no call: the API's answer, journaled as a task record
        }
        if (action instanceof UpdateHost) {
            // Refused before its intent is journaled: a restart must not find a half-made update to finish.
            return new ActionOutcome(action, ActionOutcome.Result.SKIPPED, REFUSED_UPDATE);
        }
        crash.reached(CrashPoint.Stage.BEFORE_INTENT, action);
        long seq = journal.nextSeq();
        ObjectNode intent = describe(journal.entry("intent"), action);
        intent.put("seq", seq);
        intent.put("atS", fleet.nowS());
        journal.append(intent);
        crash.reached(CrashPoint.Stage.AFTER_INTENT, action);
        try {
            String detail = perform(action, seq);
            crash.reached(CrashPoint.Stage.AFTER_CALL, action);
            ObjectNode done = journal.entry("done");
            done.put("seq", seq);
            done.put("atS", fleet.nowS());
            fillResult(done, action);
            journal.append(done);
            crash.reached(CrashPoint.Stage.AFTER_DONE, action);
            return new ActionOutcome(action, ActionOutcome.Result.APPLIED, detail);
        } catch (RuntimeException e) {
            if (e instanceof SimulatedCrash) {
                throw e;
            }
            ObjectNode failed = journal.entry("failed");
            failed.put("seq", seq);
            failed.put("atS", fleet.nowS());
            failed.put("error", String.valueOf(e.getMessage()));
            journal.append(failed);
            return new ActionOutcome(action, ActionOutcome.Result.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** Why an {@link UpdateHost} is refused: live mode has no rolling updates yet. */
    public static final String REFUSED_UPDATE = "live mode does not apply rolling updates yet (UpdateHost): update "
            + "servers with the simulator's scenarios, or by hand after draining them";

    private String perform(Action action, long seq) {
        if (action instanceof LaunchHost a) {
            return launchHost(a);
        } else if (action instanceof ResumeHost a) {
            LiveHost host = fleet.host(a.host().index());
            cloud.untag(host.instanceId(), Tags.STANDBY);
            cloud.start(host.instanceId());
            fleet.setHostState(host.index(), HostState.BOOTING);
            fleet.setIntoStandby(host.index(), false);
            return "started " + host.instanceId();
        } else if (action instanceof StopHost a) {
            LiveHost host = fleet.host(a.host().index());
            stopIntoStandby(host);
            return "stopped " + host.instanceId() + " into the warm pool";
        } else if (action instanceof TerminateHost a) {
            LiveHost host = fleet.host(a.host().index());
            cloud.terminate(host.instanceId());
            fleet.setHostState(host.index(), HostState.TERMINATED);
            return "terminated " + host.instanceId();
        } else if (action instanceof DrainHost a) {
            fleet.setHostState(a.host().index(), HostState.DRAINING);
            fleet.setAfterDrain(a.host().index(), a.then());
            return "draining, then " + a.then().name().toLowerCase(java.util.Locale.ROOT);
        } else if (action instanceof FenceHost a) {
            return fenceHost(a);
        } else if (action instanceof PlaceVm a) {
            return placeVm(a);
        } else if (action instanceof MigrateVm a) {
            return migrateVm(a);
        } else if (action instanceof UpdateHost) {
            throw new IllegalStateException(REFUSED_UPDATE); // refused in applyOne before it gets here
        }
        throw new IllegalStateException("no live call applies " + action.kind());
    }

    private String launchHost(LaunchHost a) {
        int index = a.host().index();
        String token = LiveNames.launchToken(fleet.cluster(), incarnation, index);
        Optional<CloudInstance> existing = cloud.findByLaunchToken(token);
        CloudInstance instance = existing.orElseGet(() -> cloud.launch(new LaunchRequest(launch, token, Map.of(
                Tags.HOST_INDEX, Integer.toString(index),
                Tags.NAME, fleet.cluster() + "-host" + index))));
        LiveHost host = fleet.addHost(a.type(), token, instance.instanceId(), HostState.BOOTING);
        fleet.setIntoStandby(host.index(), a.intoStandby());
        return (existing.isPresent() ? "found " : "launched ") + instance.instanceId()
                + (a.intoStandby() ? " into the warm pool" : "");
    }

    /** Stops a server into the warm pool: tagged first, so that a stop seen without the tag means a failure. */
    public void stopIntoStandby(LiveHost host) {
        cloud.tag(host.instanceId(), Map.of(Tags.STANDBY, "true"));
        cloud.stop(host.instanceId());
        fleet.setHostState(host.index(), HostState.STANDBY);
        fleet.setIntoStandby(host.index(), false);
    }

    private String fenceHost(FenceHost a) {
        return "fenced; " + fleet.placements().fence(a.host().index()) + " running task(s) queued again";
    }

    private String placeVm(PlaceVm a) {
        int vmIndex = a.vm().index();
        if (vmIndex == fleet.vmCount()) {
            fleet.addVm(a.type());
        }
        LiveVm vm = fleet.vm(vmIndex);
        LiveHost host = fleet.host(a.host().index());
        hypervisor.create(host.instanceId(), specOf(vm.name(), a.type()));
        hypervisor.start(host.instanceId(), vm.name());
        fleet.placements().place(vmIndex, host.index());
        return vm.name() + " on " + host.instanceId();
    }

    private String migrateVm(MigrateVm a) {
        LiveVm vm = fleet.vm(a.vm().index());
        LiveHost from = fleet.host(a.from().index());
        LiveHost to = fleet.host(a.to().index());
        fleet.placements().startMigration(vm.index(), to.index());
        try {
            hypervisor.move(from.instanceId(), vm.name(), to.instanceId());
        } catch (RuntimeException e) {
            fleet.placements().cancelMigration(vm.index());
            throw e;
        }
        fleet.placements().completeMigration(vm.index());
        finishDrainIfDone(from);
        return vm.name() + " from " + from.instanceId() + " to " + to.instanceId();
    }

    private ActionOutcome assignTask(AssignTask a) {
        fleet.tasks().start(a.task().value(), a.vm().index());
        ObjectNode start = journal.entry("start");
        start.put("task", a.task().value());
        start.put("vm", a.vm().index());
        start.put("atS", fleet.nowS());
        journal.append(start);
        return new ActionOutcome(a, ActionOutcome.Result.APPLIED, fleet.vm(a.vm().index()).name());
    }

    /**
     * A draining server is done once no task runs on its VMs and no VM is on its way in: its VMs are removed and it
     * is stopped into the warm pool or terminated, as the drain said. Returns true when it finished.
     */
    public boolean finishDrainIfDone(LiveHost host) {
        if (host.state() != HostState.DRAINING) {
            return false;
        }
        for (LiveVm vm : fleet.vms()) {
            if (vm.migrationTarget() == host.index()) {
                return false;
            }
        }
        for (int i = 0; i < host.vmCount(); i++) {
            LiveVm vm = fleet.vm(host.vm(i));
            if (vm.status() == VmStatus.MIGRATING || vm.runningTasks() > 0) {
                return false;
            }
        }
        DrainHost.AfterDrain then = host.afterDrain();
        long seq = journal.nextSeq();
        ObjectNode intent = journal.entry("intent");
        intent.put("seq", seq);
        intent.put("action", "FinishDrain");
        intent.put("host", host.index());
        intent.put("then", then == null ? "STOP" : then.name());
        intent.put("atS", fleet.nowS());
        journal.append(intent);
        while (host.vmCount() > 0) {
            LiveVm vm = fleet.vm(host.vm(0));
            hypervisor.remove(host.instanceId(), vm.name());
            fleet.placements().finish(vm.index());
        }
        if (then == DrainHost.AfterDrain.TERMINATE) {
            cloud.terminate(host.instanceId());
            fleet.setHostState(host.index(), HostState.TERMINATED);
        } else {
            stopIntoStandby(host);
        }
        ObjectNode done = journal.entry("done");
        done.put("seq", seq);
        done.put("atS", fleet.nowS());
        done.put("state", fleet.host(host.index()).state().name());
        journal.append(done);
        return true;
    }

    /**
     * Gives up on a server that has been booting too long (EC2 kept it pending, or its hypervisor never answered):
     * it is terminated, journaled like any action, so that the engine sees the capacity gone and replaces it.
     */
    public void abandonBoot(LiveHost host, String why) {
        long seq = journal.nextSeq();
        ObjectNode intent = journal.entry("intent");
        intent.put("seq", seq);
        intent.put("action", "AbandonBoot");
        intent.put("host", host.index());
        intent.put("why", why);
        intent.put("atS", fleet.nowS());
        journal.append(intent);
        if (host.instanceId() != null) {
            cloud.terminate(host.instanceId());
        }
        fleet.setHostState(host.index(), HostState.TERMINATED);
        ObjectNode done = journal.entry("done");
        done.put("seq", seq);
        done.put("atS", fleet.nowS());
        done.put("state", HostState.TERMINATED.name());
        journal.append(done);
    }

    /** What a VM of this type is created with in Hyper-V. */
    public static VmSpec specOf(String name, VmType type) {
        long mib = (long) Math.ceil(type.ramMb());
        mib = Math.max(32, mib + (mib % 2));
        return new VmSpec(name, Math.min(240, type.cores()), mib * 1024 * 1024, (int) Math.ceil(type.gpus()));
    }

    private ObjectNode describe(ObjectNode entry, Action action) {
        entry.put("action", action.kind());
        entry.put("reason", action.reason().name());
        if (action instanceof LaunchHost a) {
            entry.put("host", a.host().index());
            entry.put("type", a.type().name());
            entry.put("intoStandby", a.intoStandby());
            entry.put("token", LiveNames.launchToken(fleet.cluster(), incarnation, a.host().index()));
        } else if (action instanceof ResumeHost a) {
            entry.put("host", a.host().index());
        } else if (action instanceof StopHost a) {
            entry.put("host", a.host().index());
        } else if (action instanceof TerminateHost a) {
            entry.put("host", a.host().index());
        } else if (action instanceof DrainHost a) {
            entry.put("host", a.host().index());
            entry.put("then", a.then().name());
        } else if (action instanceof FenceHost a) {
            entry.put("host", a.host().index());
        } else if (action instanceof PlaceVm a) {
            entry.put("vm", a.vm().index());
            entry.put("vmType", a.type().name());
            entry.put("host", a.host().index());
        } else if (action instanceof MigrateVm a) {
            entry.put("vm", a.vm().index());
            entry.put("host", a.from().index());
            entry.put("to", a.to().index());
        }
        return entry;
    }

    private void fillResult(ObjectNode done, Action action) {
        if (action instanceof LaunchHost a) {
            done.put("instance", fleet.host(a.host().index()).instanceId());
        }
    }
}

package io.ldist.live.execute;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmType;
import io.ldist.engine.plan.DrainHost;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;
import io.ldist.live.state.LiveTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the fleet from the journal after a restart: servers and their tokens, VMs and where they were put,
 * tasks and where they run, the states ldist itself set (draining, fenced, warm pool), and the launches and
 * terminations of the last hour. Intents without an outcome are returned: the calls they name may or may not have
 * happened, and the next observation settles which (a launch is looked up by its token before any new launch).
 */
public final class JournalReplay {
    /** What the journal said beyond the fleet itself. */
    public record Restored(String incarnation, long epochMs, List<JsonNode> openIntents, int entries) {
    }

    private JournalReplay() {
    }

    public static Restored restore(Journal journal, LiveFleet fleet, HostType hostType, Map<String, VmType> vmTypes,
                                   PlanGuard guard) {
        String incarnation = null;
        long epochMs = -1;
        Map<Long, JsonNode> open = new LinkedHashMap<>();
        Map<Long, JsonNode> intents = new HashMap<>();
        for (JsonNode e : journal.entries()) {
            String type = e.path("t").asText();
            if (e.has("atS")) {
                fleet.setNow(Math.max(fleet.nowS(), e.path("atS").asDouble()));
            }
            switch (type) {
                case "open" -> {
                    incarnation = e.path("incarnation").asText();
                    epochMs = e.path("epochMs").asLong();
                }
                case "intent" -> {
                    intents.put(e.path("seq").asLong(), e);
                    open.put(e.path("seq").asLong(), e);
                }
                case "done" -> {
                    JsonNode intent = intents.get(e.path("seq").asLong());
                    open.remove(e.path("seq").asLong());
                    if (intent != null) {
                        applyDone(intent, e, fleet, hostType, vmTypes, guard);
                    }
                }
                case "failed" -> open.remove(e.path("seq").asLong());
                case "adopt" -> fleet.addHost(hostType, e.path("token").asText(null), e.path("instance").asText(),
                        HostState.valueOf(e.path("state").asText()));
                case "task" -> fleet.tasks().enqueue(new TaskRequest(new TaskId(e.path("id").asLong()),
                        new Resources(e.path("cpuMips").asDouble(), e.path("gpus").asDouble(),
                                e.path("ramMb").asDouble(), 0),
                        e.path("atS").asDouble(), deadline(e), 0), e.path("leaseS").asDouble());
                case "start" -> fleet.tasks().start(e.path("task").asLong(), e.path("vm").asInt());
                case "end" -> fleet.tasks().end(e.path("task").asLong(),
                        LiveTask.Phase.valueOf(e.path("phase").asText().toUpperCase(java.util.Locale.ROOT)));
                case "vmFound" -> {
                    ensureVm(fleet, e.path("vm").asInt(), vmTypes.get(e.path("vmType").asText()));
                    fleet.placements().place(e.path("vm").asInt(), e.path("host").asInt());
                }
                case "vmLost" -> fleet.placements().displaceRequeueing(e.path("vm").asInt());
                default -> {
                    // other entries (observations, refusals) are for people, not for the fleet
                }
            }
        }
        return new Restored(incarnation, epochMs, new ArrayList<>(open.values()), journal.entries().size());
    }

    private static double deadline(JsonNode e) {
        return e.hasNonNull("deadlineAtS") ? e.path("deadlineAtS").asDouble() : Double.POSITIVE_INFINITY;
    }

    private static void applyDone(JsonNode intent, JsonNode done, LiveFleet fleet, HostType hostType,
                                  Map<String, VmType> vmTypes, PlanGuard guard) {
        String action = intent.path("action").asText();
        int host = intent.path("host").asInt(-1);
        double atS = done.path("atS").asDouble();
        switch (action) {
            case "LaunchHost" -> {
                LiveHost added = fleet.addHost(hostType, intent.path("token").asText(), done.path("instance").asText(),
                        HostState.BOOTING);
                fleet.setIntoStandby(added.index(), intent.path("intoStandby").asBoolean());
                guard.remember(true, atS);
            }
            case "ResumeHost", "StopHost" -> {
                // As the executor does: a resumed or stopped server is no longer a launch into the warm pool, so
                // the first boot after a restart does not stop it again with its VMs on it.
                fleet.setHostState(host, action.equals("ResumeHost") ? HostState.BOOTING : HostState.STANDBY);
                fleet.setIntoStandby(host, false);
            }
            case "TerminateHost" -> {
                fleet.setHostState(host, HostState.TERMINATED);
                guard.remember(false, atS);
            }
            case "DrainHost" -> {
                fleet.setHostState(host, HostState.DRAINING);
                fleet.setAfterDrain(host, DrainHost.AfterDrain.valueOf(intent.path("then").asText()));
            }
            case "FenceHost" -> fleet.placements().fence(host);
            case "AbandonBoot" -> fleet.setHostState(host, HostState.TERMINATED);
            case "FinishDrain" -> {
                LiveHost drained = fleet.host(host);
                while (drained.vmCount() > 0) {
                    fleet.placements().finish(drained.vm(0));
                }
                HostState after = HostState.valueOf(done.path("state").asText("STANDBY"));
                fleet.setHostState(host, after);
                if (after == HostState.TERMINATED) {
                    guard.remember(false, atS);
                }
            }
            case "PlaceVm" -> {
                int vm = intent.path("vm").asInt();
                ensureVm(fleet, vm, vmTypes.get(intent.path("vmType").asText()));
                fleet.placements().place(vm, host);
            }
            case "MigrateVm" -> fleet.placements().place(intent.path("vm").asInt(), intent.path("to").asInt());
            default -> throw new IllegalStateException(fleet.cluster() + ": the journal names an unknown action "
                    + action + " (written by a newer ldist?)");
        }
    }

    /** Makes sure VM {@code vm} exists (pending) so that an intent naming a new VM can be settled. */
    public static void ensureVm(LiveFleet fleet, int vm, VmType type) {
        if (type == null) {
            throw new IllegalStateException("the journal names a VM type the config does not declare");
        }
        while (fleet.vmCount() <= vm) {
            fleet.addVm(type);
        }
    }
}

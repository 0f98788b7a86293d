package io.ldist.live.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.live.cloud.Cloud;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Settles, at a restart, the journal's intents that have no outcome. */
public final class RestartSettlement {
    private RestartSettlement() {
    }

    /**
     * Actions a crash interrupted: their calls may or may not have happened. A launch is settled by its token (the
     * instance exists or it never was launched); a VM's placement or move by the next observation, which finds the
     * VM by name wherever it runs; the rest (drains, fences, stops, starts) are re-decided by the engine from what
     * is observed. Each is closed in the journal, so that it is settled once.
     */
    public static void settle(List<JsonNode> intents, LiveFleet fleet, Cloud cloud, Journal journal, PlanGuard guard,
                              HostType hostType, Map<String, VmType> vmTypes, Consumer<String> log) {
        for (JsonNode intent : intents) {
            long seq = intent.path("seq").asLong();
            String action = intent.path("action").asText();
            ObjectNode closing;
            if (action.equals("LaunchHost")) {
                String token = intent.path("token").asText();
                var found = cloud.findByLaunchToken(token);
                if (found.isPresent() && intent.path("host").asInt() == fleet.hostCount()) {
                    LiveHost host = fleet.addHost(hostType, token, found.get().instanceId(), HostState.BOOTING);
                    fleet.setIntoStandby(host.index(), intent.path("intoStandby").asBoolean());
                    guard.remember(true, intent.path("atS").asDouble());
                    closing = journal.entry("done");
                    closing.put("instance", found.get().instanceId());
                } else {
                    closing = journal.entry("failed");
                    closing.put("error", found.isPresent() ? "interrupted; its instance " + found.get().instanceId()
                            + " is adopted by observation" : "interrupted before the launch: no instance carries " + token);
                }
            } else {
                if (action.equals("PlaceVm")) {
                    JournalReplay.ensureVm(fleet, intent.path("vm").asInt(), vmTypes.get(intent.path("vmType").asText()));
                }
                closing = journal.entry("failed");
                closing.put("error", "interrupted; settled by observation");
            }
            closing.put("seq", seq);
            closing.put("atS", fleet.nowS());
            journal.append(closing);
            log.accept("journal: " + action + " #" + seq + " was interrupted; " + closing.path("error").asText("done"));
        }
    }
}

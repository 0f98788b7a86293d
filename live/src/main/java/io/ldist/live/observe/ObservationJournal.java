package io.ldist.live.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.live.execute.Journal;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveHost;

import java.util.function.Consumer;

/**
 * Journals what an observation learnt that a restart could not learn again by itself: the indexes it gave to
 * instances it adopted and to VMs it found, and the VMs it found gone.
 */
public final class ObservationJournal {
    private ObservationJournal() {
    }

    /** What the observation learnt that a restart could not learn again by itself: indexes of what it found. */
    public static void record(Observer.Observation seen, LiveFleet fleet, Journal journal, Consumer<String> log) {
        for (int index : seen.adopted) {
            LiveHost host = fleet.host(index);
            ObjectNode adopt = journal.entry("adopt");
            adopt.put("host", index);
            adopt.put("instance", host.instanceId());
            adopt.put("token", host.launchToken());
            adopt.put("state", host.state().name());
            adopt.put("atS", fleet.nowS());
            journal.append(adopt);
            log.accept("observe: adopted " + host.instanceId() + " as host-" + index);
        }
        for (int vm : seen.foundVms) {
            ObjectNode found = journal.entry("vmFound");
            found.put("vm", vm);
            found.put("vmType", fleet.vm(vm).type().name());
            found.put("host", fleet.vm(vm).host());
            found.put("atS", fleet.nowS());
            journal.append(found);
        }
        for (int vm : seen.lostVms) {
            ObjectNode lost = journal.entry("vmLost");
            lost.put("vm", vm);
            lost.put("atS", fleet.nowS());
            journal.append(lost);
            log.accept("observe: " + fleet.vm(vm).name() + " is gone from its server; it will be placed again");
        }
    }
}

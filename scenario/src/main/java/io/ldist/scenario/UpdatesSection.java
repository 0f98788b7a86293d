package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.update.AbortRule;
import io.ldist.engine.update.BatchRule;
import io.ldist.engine.update.HostSelector;
import io.ldist.engine.update.UpdateRequest;
import io.ldist.scenario.spec.ScheduledUpdate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code updates} section: rolling updates the operator asks for during the run. The schema has checked the
 * shapes; here come the checks that need the rest of the scenario (times within the run, servers and host types
 * that exist) and those of combinations (a batch rule is a size or a healthy share, not both).
 */
final class UpdatesSection {
    private final ReadingContext context;
    private final FieldReader in;

    UpdatesSection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    /** The updates in the order they are asked for (by time; the file's order among equal times). */
    List<ScheduledUpdate> read(int initialHosts) {
        List<ScheduledUpdate> updates = new ArrayList<>();
        for (int i = 0; i < in.size("/updates"); i++) {
            String at = "/updates/" + i;
            double when = in.quantity(at + "/at", Units.DURATION, 0);
            if (!in.refused(at + "/at")) {
                context.withinRun(at + "/at", when);
            }
            HostSelector hosts = hosts(at + "/hosts", initialHosts);
            BatchRule batch = batch(at + "/batch");
            double pause = in.quantity(at + "/pause", Units.DURATION, 0);
            double downtime = in.positiveQuantity(at + "/duration", Units.DURATION, Double.NaN);
            AbortRule abort = abortRule(at + "/abortIf");
            if (hosts != null && batch != null && !Double.isNaN(downtime) && abort != null && !in.refused(at)) {
                updates.add(new ScheduledUpdate(when, new UpdateRequest(hosts, batch, pause, downtime, abort)));
            }
        }
        updates.sort(Comparator.comparingDouble(ScheduledUpdate::atS));
        return updates;
    }

    /** 'all' (the default), a list of indexes of servers present at the start, or a declared host type. */
    private HostSelector hosts(String at, int initialHosts) {
        JsonNode node = in.node(at);
        if (node == null || node.isTextual()) {
            return HostSelector.ALL; // any other text the schema refused
        }
        if (node.isArray()) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                long index = node.get(i).canConvertToLong() ? node.get(i).asLong() : -1;
                if (index >= initialHosts) {
                    in.problem(at + "/" + i, "the index of a server present at the start (0 to "
                            + (initialHosts - 1) + ")", node.get(i).asText());
                    return null;
                }
                if (indexes.contains((int) index)) {
                    in.problem(at + "/" + i, "each server once", "server " + index + " again");
                    return null;
                }
                indexes.add((int) index);
            }
            return HostSelector.ofIndexes(indexes);
        }
        String type = in.text(at + "/type", "");
        if (!context.knowsHostType(type)) {
            context.hostType(at + "/type"); // records the problem, naming the declared types
            return null;
        }
        return HostSelector.ofType(type);
    }

    /** A batch size, or a minimum healthy share below 100 %; EC2 instance refresh's 90 % healthy by default. */
    private BatchRule batch(String at) {
        if (!in.has(at)) {
            return BatchRule.DEFAULT;
        }
        boolean sized = in.has(at + "/size");
        boolean healthy = in.has(at + "/minHealthy");
        if (sized && healthy) {
            in.problem(at + "/minHealthy", "either 'size' (servers per batch) or 'minHealthy' (the share that "
                    + "stays in service), not both", in.text(at + "/minHealthy", ""));
            return null;
        }
        if (sized) {
            int size = in.integer(at + "/size", 1);
            return size >= 1 ? BatchRule.ofSize(size) : null; // below 1 the schema said so
        }
        if (!healthy) {
            return BatchRule.DEFAULT;
        }
        double share = in.share(at + "/minHealthy", 0.9);
        if (in.refused(at + "/minHealthy")) {
            return null;
        }
        if (share >= 1) {
            in.problem(at + "/minHealthy", "a share below 100% (at 100% no server may leave service to be "
                    + "updated)", in.text(at + "/minHealthy", ""));
            return null;
        }
        return BatchRule.minHealthy(share);
    }

    private AbortRule abortRule(String at) {
        if (!in.has(at)) {
            return AbortRule.NONE;
        }
        double wait = in.has(at + "/queueWaitP95") ? in.quantity(at + "/queueWaitP95", Units.DURATION, 0)
                : Double.NaN;
        double late = in.has(at + "/lateQueued") ? in.longInteger(at + "/lateQueued", 0) : Double.NaN;
        double overloaded = in.has(at + "/overloadedServers") ? in.share(at + "/overloadedServers", 0) : Double.NaN;
        return in.refused(at) ? null : new AbortRule(wait, late, overloaded);
    }
}

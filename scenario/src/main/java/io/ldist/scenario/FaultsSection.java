package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.util.NearestName;
import io.ldist.scenario.spec.Faults;
import io.ldist.scenario.spec.MigrationModel;

import java.util.ArrayList;
import java.util.List;

/** The {@code migration} and {@code faults} sections: the physics of moving VMs, and what breaks when. */
final class FaultsSection {
    private final ReadingContext context;
    private final FieldReader in;

    FaultsSection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    MigrationModel readMigration() {
        double bandwidth = in.share("/migration/bandwidthShare", 0.5);
        double loss = in.share("/migration/cpuLoss", 0.1);
        double target = in.share("/migration/targetShare", 0.1);
        if (bandwidth <= 0) {
            in.problem("/migration/bandwidthShare", "a share > 0", in.text("/migration/bandwidthShare", ""));
            return MigrationModel.STUDY;
        }
        if (loss >= 1) {
            in.problem("/migration/cpuLoss", "a share below 1", in.text("/migration/cpuLoss", ""));
            return MigrationModel.STUDY;
        }
        return new MigrationModel(bandwidth, loss, target);
    }

    Faults readFaults(int initialHosts) {
        List<Faults.HostCrash> crashes = new ArrayList<>();
        for (int i = 0; i < in.size("/faults/crashes"); i++) {
            String at = "/faults/crashes/" + i;
            int host = hostIndex(at + "/host", initialHosts);
            double when = in.quantity(at + "/at", Units.DURATION, 0);
            context.withinRun(at + "/at", when);
            double repair = in.has(at + "/repairAfter") ? in.positiveDuration(at + "/repairAfter", 1)
                    : Double.POSITIVE_INFINITY;
            crashes.add(new Faults.HostCrash(Math.max(host, Faults.HostCrash.BUSIEST), when, repair));
        }
        Faults.RandomCrashes random = null;
        if (in.has("/faults/random")) {
            random = new Faults.RandomCrashes(in.positiveDuration("/faults/random/mtbf", 1),
                    in.positiveDuration("/faults/random/mttr", 1));
        }
        List<Faults.FlakyHost> flaky = new ArrayList<>();
        for (int i = 0; i < in.size("/faults/flaky"); i++) {
            String at = "/faults/flaky/" + i;
            int host = hostIndex(at + "/host", initialHosts);
            double[] window = context.window(at);
            if (window != null && host >= 0) {
                flaky.add(new Faults.FlakyHost(host, window[0], window[1], in.share(at + "/errorRate", 0)));
            }
        }
        return new Faults(crashes, random, flaky);
    }

    /** An initial server's index, or "busiest" (-1); -2 for an index refused. */
    private int hostIndex(String at, int initialHosts) {
        JsonNode node = in.node(at);
        if (node.isTextual()) {
            if (!"busiest".equals(node.asText())) {
                in.problem(at, "a server index or 'busiest'", "'" + node.asText() + "'",
                        NearestName.didYouMean(List.of("busiest"), node.asText()));
            }
            return Faults.HostCrash.BUSIEST;
        }
        // Compared as a long: 4294967296 must not wrap around to server 0.
        long host = node.canConvertToLong() ? node.asLong() : Long.MAX_VALUE;
        if (host >= initialHosts || host < 0) {
            if (host >= 0 && host <= SizeLimits.MAX_SERVERS) { // beyond it, or below 0, the schema said so
                in.problem(at, "the index of a server present at the start (0 to " + (initialHosts - 1) + ")",
                        node.asText());
            }
            return -2;
        }
        return (int) host;
    }
}

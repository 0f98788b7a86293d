package io.ldist.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.sim.spec.HostGroup;

import java.util.ArrayList;
import java.util.List;

/** The {@code fleet} section: host types and VM types (into the context, for the sections after), servers. */
final class FleetSection {
    private final ReadingContext context;
    private final FieldReader in;

    FleetSection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    void readHostTypes() {
        for (int i = 0; i < in.size("/fleet/hostTypes"); i++) {
            String at = "/fleet/hostTypes/" + i;
            String name = in.text(at + "/name", "");
            if (!context.hostTypeNames.add(name)) {
                in.problem(at + "/name", "a host type name not used before", "'" + name + "' again");
            }
            PowerCurve power = readPower(at + "/power");
            double ram = in.positiveQuantity(at + "/ram", Units.SIZE, Double.NaN);
            double network = in.positiveQuantity(at + "/network", Units.BANDWIDTH, 1000);
            if (power == null || Double.isNaN(ram) || Double.isNaN(network)) {
                continue;
            }
            // Neutral values where the schema refused one (cores: 0), so that reading goes on.
            HostType type = new HostType(name, atLeastOne(at + "/cores"), positiveOrOne(at + "/mipsPerCore"),
                    nonNegative(at + "/gpus"), ram, network, nonNegative(at + "/pricePerHour"), power,
                    in.quantity(at + "/bootTime", Units.DURATION, 0),
                    in.quantity(at + "/resumeTime", Units.DURATION, 0));
            context.hostTypes.putIfAbsent(name, type);
        }
    }

    private PowerCurve readPower(String at) {
        JsonNode node = in.node(at);
        if (node.isArray()) {
            double[] watts = new double[node.size()];
            for (int i = 0; i < watts.length; i++) {
                watts[i] = Math.max(0, node.get(i).asDouble());
                if (i > 0 && watts[i] < watts[i - 1]) {
                    // A server draws more, not less, as its load rises; a falling point is a typing slip.
                    in.problem(at + "/" + i, "power that does not fall as load rises (at least "
                            + node.get(i - 1).asText() + " W, the point before)", node.get(i).asText());
                    return null;
                }
            }
            return new PowerCurve(watts);
        }
        double idle = Math.max(0, node.path("idle").asDouble());
        double max = Math.max(0, node.path("max").asDouble());
        if (max < idle) {
            in.problem(at + "/max", "a full-load power >= the idle power " + idle, String.valueOf(max));
            return null;
        }
        return new PowerCurve(idle, max);
    }

    void readVmTypes() {
        for (int i = 0; i < in.size("/fleet/vmTypes"); i++) {
            String at = "/fleet/vmTypes/" + i;
            String name = in.text(at + "/name", "");
            VmType type = new VmType(name, atLeastOne(at + "/cores"), positiveOrOne(at + "/mipsPerCore"),
                    nonNegative(at + "/gpus"), in.quantity(at + "/ram", Units.SIZE, 0),
                    in.quantity(at + "/network", Units.BANDWIDTH, 100), atLeastOne(at + "/taskSlots"));
            if (context.vmTypes.putIfAbsent(name, type) != null) {
                in.problem(at + "/name", "a VM type name not used before", "'" + name + "' again");
            }
        }
    }

    int maxVmsPerHost() {
        JsonNode node = in.node("/fleet/maxVmsPerHost");
        if (node == null) {
            return 3;
        }
        // Below 1 the schema refuses it; no limit then, rather than a second problem about the template.
        return node.isTextual() || !node.canConvertToInt() || node.asInt() < 1 ? FleetRules.NO_VM_LIMIT
                : node.asInt();
    }

    /** The server groups, each count times the scenario's scale. */
    List<HostGroup> readHosts() {
        int scale = context.scale;
        List<HostGroup> groups = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < in.size("/fleet/hosts"); i++) {
            String at = "/fleet/hosts/" + i;
            counts.add(in.integer(at + "/count", 0));
            HostType type = context.hostType(at + "/type");
            HostState state = "standby".equals(in.text(at + "/state", "active")) ? HostState.STANDBY
                    : HostState.ACTIVE;
            if (type != null) {
                groups.add(new HostGroup(type, SizeLimits.times(Math.max(0, counts.get(i)), scale), state));
            }
        }
        if (context.soundlyRead("fleet.hosts", "scale")) {
            SizeLimits.checkServers(in, counts, scale);
        }
        if (SizeLimits.servers(groups) == 0 && in.problems().isEmpty() && context.schemaProblems.isEmpty()) {
            in.problem("/fleet/hosts", "at least one server (a count >= 1)", "no server at all");
        }
        return groups;
    }

    private int atLeastOne(String at) {
        return Math.max(1, in.integer(at, 1));
    }

    private double positiveOrOne(String at) {
        double value = in.number(at, 1);
        return value > 0 && Double.isFinite(value) ? value : 1;
    }

    private double nonNegative(String at) {
        double value = in.number(at, 0);
        return value >= 0 && Double.isFinite(value) ? value : 0;
    }
}

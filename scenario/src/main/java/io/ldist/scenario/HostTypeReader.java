package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;

/**
 * Reads one host type's fields at a pointer, in a scenario's {@code fleet.hostTypes} or a catalogue's
 * {@code types}: each field written is read and checked, each field not written is taken from {@code base} (the
 * catalogue type a scenario's {@code from} names) or, without one, from the defaults of scenarios.
 */
final class HostTypeReader {
    private HostTypeReader() {
    }

    /** The type at {@code at}, or null when a field of it was refused (the problem recorded in {@code in}). */
    static HostType read(FieldReader in, String at, String name, HostType base) {
        PowerCurve power = in.has(at + "/power") || base == null ? readPower(in, at + "/power") : base.power();
        double ram = in.positiveQuantity(at + "/ram", Units.SIZE, base == null ? Double.NaN : base.ramMb());
        double network = in.positiveQuantity(at + "/network", Units.BANDWIDTH, base == null ? 1000 : base.netMbps());
        if (power == null || Double.isNaN(ram) || Double.isNaN(network)) {
            return null;
        }
        // Neutral values where the schema refused one (cores: 0), so that reading goes on.
        return new HostType(name, atLeastOne(in, at + "/cores", base == null ? 1 : base.cores()),
                positive(in, at + "/mipsPerCore", base == null ? 1 : base.mipsPerCore()),
                nonNegative(in, at + "/gpus", base == null ? 0 : base.gpus()), ram, network,
                nonNegative(in, at + "/pricePerHour", base == null ? 0 : base.priceUsdPerHour()), power,
                in.quantity(at + "/bootTime", Units.DURATION, base == null ? 0 : base.bootTimeS()),
                in.quantity(at + "/resumeTime", Units.DURATION, base == null ? 0 : base.resumeTimeS()));
    }

    private static PowerCurve readPower(FieldReader in, String at) {
        JsonNode node = in.node(at);
        if (node == null) {
            return null; // required: the schema has said so
        }
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

    static int atLeastOne(FieldReader in, String at, int absent) {
        return Math.max(1, in.integer(at, absent));
    }

    static double positive(FieldReader in, String at, double absent) {
        double value = in.number(at, absent);
        return value > 0 && Double.isFinite(value) ? value : 1;
    }

    static double nonNegative(FieldReader in, String at, double absent) {
        double value = in.number(at, absent);
        return value >= 0 && Double.isFinite(value) ? value : 0;
    }
}

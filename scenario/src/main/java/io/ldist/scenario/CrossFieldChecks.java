package io.ldist.scenario;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.HostGroup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that join fields of different sections: a task fits a template VM, the template fits every server.
 * The sections call them where the fields meet, so that problems keep the order of reading.
 */
public final class CrossFieldChecks {
    private final ReadingContext context;
    private final FieldReader in;

    public CrossFieldChecks(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    /** A task size no larger than the ceiling: the largest it can take, or the mean of an unbounded one. */
    public void taskFits(String at, Distribution size, double limit, String unit, String holder) {
        if (!in.has(at) || Double.isInfinite(limit)) {
            return;
        }
        if (Double.isInfinite(size.max())) {
            if (size.mean() > limit) {
                in.problem(at, "task sizes that fit " + holder + ": a mean of at most " + amount(limit, unit),
                        "a mean of " + amount(size.mean(), unit));
            }
        } else if (size.max() > limit) {
            in.problem(at, "task sizes that fit " + holder + ": at most " + amount(limit, unit),
                    (size instanceof Distribution.Fixed ? "" : "values up to ") + amount(size.max(), unit));
        }
    }

    private static String amount(double value, String unit) {
        String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.2f", value);
        return number + " " + (unit.equals("GPUs") && value == 1 ? "GPU" : unit);
    }

    /**
     * Every host type the fleet (or pool) runs or launches holds the template's VMs, perHost of them; {@code at}
     * is where the template is written.
     */
    public void templateFits(String at, VmTemplate template, List<HostGroup> hosts, ScalingSettings scaling) {
        if (!context.soundlyRead("fleet", "policies.scaling")) {
            return;
        }
        Set<HostType> types = new LinkedHashSet<>();
        hosts.forEach(group -> types.add(group.type()));
        if (scaling != null) {
            types.addAll(scaling.launchTypes());
        }
        VmType vm = template.type();
        for (HostType type : types) {
            int fit = VmTemplate.fitting(vm, type);
            if (fit == 0) {
                in.problem(at + "/vmType", "a VM type that fits on every server " + (at.startsWith("/fleet/pools")
                        ? "of the pool" : "the fleet runs"),
                        "'" + vm.name() + "', which does not fit on a '" + type.name() + "' server ("
                                + VmTemplate.tightest(vm, type) + ")");
                return;
            }
            if (fit < template.perHost()) {
                in.problem(at + "/perHost", "at most " + fit + ", the '" + vm.name()
                        + "' VMs that fit on a '" + type.name() + "' server (" + VmTemplate.tightest(vm, type)
                        + ")", String.valueOf(template.perHost()));
                return;
            }
        }
    }
}

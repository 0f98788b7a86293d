package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.VmType;
import io.ldist.scenario.spec.Distribution;
import io.ldist.scenario.spec.Surge;
import io.ldist.scenario.spec.TaskCeiling;
import io.ldist.scenario.spec.TaskRecovery;
import io.ldist.scenario.spec.TaskShape;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskSpec;
import io.ldist.scenario.spec.TaskStreamWorkload;
import io.ldist.scenario.spec.TaskTier;
import io.ldist.scenario.spec.Workload;
import io.ldist.scenario.trace.TaskCsvReader;
import io.ldist.scenario.trace.TraceFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code tasks} workload: a CSV to replay, or Poisson arrivals of tasks of a shape. A task stream scaled K
 * times is K copies of it on one fleet: K times the servers (see {@link FleetSection#readHosts}), the arrival
 * rate, each replayed CSV row, and scaling's minHosts, maxHosts, step and standby pool.
 */
final class TaskWorkloadReader {
    private final ReadingContext context;
    private final FieldReader in;
    private final CrossFieldChecks checks;

    TaskWorkloadReader(ReadingContext context, CrossFieldChecks checks) {
        this.context = context;
        this.in = context.in;
        this.checks = checks;
    }

    Workload read() {
        if (!in.has("/fleet/template") && !in.has("/fleet/pools")) {
            in.problem("/fleet", "a 'template' naming the VMs each server runs (or 'pools', each with its "
                    + "template), for a task workload", "nothing (field 'template' is missing)");
        }
        TaskCeiling ceiling = templateCeiling();
        List<TaskTier> tiers = new TaskTiersReader(in).read();
        if (in.has("/workload/tierOrder") && !in.has("/workload/tiers")) {
            in.problem("/workload/tierOrder", "service tiers (workload.tiers) for an order to apply to",
                    "no tiers");
        }
        TaskSource source = null;
        if (in.has("/workload/csv")) {
            source = readCsv(ceiling, tiers);
        } else if (in.has("/workload/arrivals") && in.has("/workload/task")) {
            source = readArrivals(ceiling);
        } else {
            in.problem("/workload", "either 'csv' (tasks to replay) or both 'arrivals' and 'task'",
                    "neither");
        }
        TaskRecovery recovery = "resume".equals(in.text("/workload/recovery", "restart")) ? TaskRecovery.RESUME
                : TaskRecovery.RESTART;
        double maxWait = in.has("/workload/maxWait")
                ? in.positiveDuration("/workload/maxWait", Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
        if (source == null) {
            return null;
        }
        return new TaskStreamWorkload(source, recovery, Math.max(1, in.integer("/workload/maxAttempts", 3)),
                maxWait, ceiling, tiers, !"arrival".equals(in.text("/workload/tierOrder", "weight")));
    }

    /**
     * What one template VM holds, or one VM of some pool: no task may ask for more (no ceiling when a VM type was
     * refused).
     */
    private TaskCeiling templateCeiling() {
        if (!in.has("/fleet/pools")) {
            return ceilingOf("/fleet/template", "fleet.template");
        }
        List<TaskCeiling> pools = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < in.size("/fleet/pools"); i++) {
            TaskCeiling pool = ceilingOf("/fleet/pools/" + i + "/template", "fleet.pools[" + i + "].template");
            if (pool == TaskCeiling.NONE) {
                return TaskCeiling.NONE;
            }
            pools.add(pool);
            names.add(pool.holder());
        }
        return pools.size() == 1 ? pools.get(0) : TaskCeiling.oneOf(pools, String.join(" or ", names));
    }

    private TaskCeiling ceilingOf(String at, String field) {
        String section = field.startsWith("fleet.pools") ? "fleet.pools" : field;
        VmType worker = context.soundlyRead(section, "fleet.vmTypes")
                ? context.vmTypes.get(in.text(at + "/vmType", "")) : null;
        return worker == null ? TaskCeiling.NONE : new TaskCeiling(worker.totalMips(), worker.ramMb(),
                worker.gpus(), "one '" + worker.name() + "' VM (" + field + ")");
    }

    private TaskSource readCsv(TaskCeiling ceiling, List<TaskTier> tiers) {
        String written = in.text("/workload/csv", "");
        Path file = in.path("/workload/csv");
        if (file == null) {
            return null;
        }
        try {
            TaskCsvReader reader = new TaskCsvReader();
            // The reader gives a tier column's names as ranks in the order the workload serves its tiers.
            List<String> tierNames = TaskStreamWorkload.servingOrder(tiers).stream().map(TaskTier::name).toList();
            TaskSource.TaskList list = new TaskSource.TaskList(reader.read(file, ceiling, tierNames));
            context.notices.addAll(reader.notices());
            context.dataPaths.add(file);
            DataNotices.lateTasks(in, file, list, context.durationS).ifPresent(context.notices::add);
            return new TaskSource.TaskList(replicated(list.tasks(), context.scale));
        } catch (TraceFormatException e) {
            DataFileProblems.report(in, "/workload/csv", written, file, e, "task",
                    "a CSV file of tasks (arrivalS,cpuMips,ramMb,gpus,durationS[,deadlineS][,tier])");
            return null;
        }
    }

    private TaskSource readArrivals(TaskCeiling ceiling) {
        double perHour = in.number("/workload/arrivals/perHour", 1);
        double[] profile = null;
        if (in.has("/workload/arrivals/dailyProfile")) {
            profile = new double[24];
            for (int h = 0; h < 24; h++) {
                profile[h] = in.number("/workload/arrivals/dailyProfile/" + h, 1);
            }
        }
        List<Surge> surges = new ArrayList<>();
        for (int i = 0; i < in.size("/workload/arrivals/surges"); i++) {
            String at = "/workload/arrivals/surges/" + i;
            double[] window = context.window(at);
            if (window != null) {
                surges.add(new Surge(window[0], window[1], in.number(at + "/factor", 1)));
            }
        }
        if (context.soundlyRead("duration", "workload.arrivals")) {
            SizeLimits.checkArrivals(in, perHour, profile, surges, context.durationS);
        }
        String at = "/workload/task";
        Distribution cpu = distribution(at + "/cpuMips", null, new Distribution.Fixed(0));
        Distribution gpus = distribution(at + "/gpus", null, new Distribution.Fixed(0));
        Distribution ram = distribution(at + "/ram", Units.SIZE, new Distribution.Fixed(0));
        Distribution duration = distribution(at + "/duration", Units.DURATION, new Distribution.Fixed(60));
        double deadline = in.number(at + "/deadlineFactor", Double.POSITIVE_INFINITY);
        if (cpu == null || gpus == null || ram == null || duration == null) {
            return null;
        }
        checks.taskFits(at + "/cpuMips", cpu, ceiling.cpuMips(), "MIPS", ceiling.holder());
        checks.taskFits(at + "/ram", ram, ceiling.ramMb(), "MiB", ceiling.holder());
        checks.taskFits(at + "/gpus", gpus, ceiling.gpus(), "GPUs", ceiling.holder());
        return new TaskSource.PoissonArrivals(perHour * context.scale / 3600, profile, surges,
                new TaskShape(cpu, gpus, ram, duration, deadline));
    }

    /** Each task {@code times} times in a row, so that arrival order is kept. */
    private static List<TaskSpec> replicated(List<TaskSpec> tasks, int times) {
        if (times == 1) {
            return tasks;
        }
        List<TaskSpec> all = new ArrayList<>(tasks.size() * times);
        for (TaskSpec task : tasks) {
            for (int i = 0; i < times; i++) {
                all.add(task);
            }
        }
        return all;
    }

    /** A number, or {uniform: [a, b]}, {exponential: mean}, {choice: [...]}; values may carry units. */
    private Distribution distribution(String at, Units units, Distribution defaultValue) {
        JsonNode node = in.node(at);
        if (node == null) {
            return defaultValue;
        }
        if (!node.isObject()) {
            return new Distribution.Fixed(value(at, units));
        }
        String kind = node.fieldNames().next();
        String inner = at + "/" + kind;
        switch (kind) {
            case "uniform": {
                double min = value(inner + "/0", units);
                double max = value(inner + "/1", units);
                if (in.refused(inner)) {
                    return null; // each mistake said once: a refused bound is not also a reversed range
                }
                if (max < min) {
                    in.problem(inner + "/1", "a maximum >= the minimum " + in.text(inner + "/0", ""),
                            in.text(inner + "/1", ""));
                    return null;
                }
                return new Distribution.Uniform(min, max);
            }
            case "exponential": {
                double mean = value(inner, units);
                if (in.refused(inner)) {
                    return null;
                }
                if (mean <= 0) {
                    in.problem(inner, "a mean > 0", in.text(inner, ""));
                    return null;
                }
                return new Distribution.Exponential(mean);
            }
            default: {
                double[] values = new double[in.size(inner)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(inner + "/" + i, units);
                }
                return new Distribution.Choice(values);
            }
        }
    }

    /** One value of a task size: a plain number (MIPS, GPUs) when {@code units} is null. */
    private double value(String at, Units units) {
        JsonNode node = in.node(at);
        if (units == null) {
            // MIPS and GPUs: past 10^12 a size is a slip of the keyboard, and sums of it lose all precision.
            if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1e12) {
                in.problem(at, "a number from 0 to 1e12", node.isTextual() ? "'" + node.asText() + "'"
                        : node.asText());
                return 0;
            }
            return node.asDouble();
        }
        return in.quantity(at, units, 0);
    }
}

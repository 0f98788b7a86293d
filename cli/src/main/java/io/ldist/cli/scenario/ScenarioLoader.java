package io.ldist.cli.scenario;

import io.ldist.engine.util.NearestName;
import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.decide.VmSizing;
import io.ldist.engine.failover.CircuitBreakerSettings;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.HostType;
import io.ldist.engine.model.PowerCurve;
import io.ldist.engine.model.VmType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.registry.PlacementPolicies;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.registry.PolicyFamily;
import io.ldist.engine.scale.ScalingSettings;
import io.ldist.engine.score.LoadWeights;
import io.ldist.sim.spec.Distribution;
import io.ldist.sim.spec.Faults;
import io.ldist.sim.spec.HostGroup;
import io.ldist.sim.spec.MigrationModel;
import io.ldist.sim.spec.RamModel;
import io.ldist.sim.spec.SimulationSpec;
import io.ldist.sim.spec.Surge;
import io.ldist.sim.spec.TaskCeiling;
import io.ldist.sim.spec.TaskRecovery;
import io.ldist.sim.spec.TaskShape;
import io.ldist.sim.spec.TaskSource;
import io.ldist.sim.spec.TaskSpec;
import io.ldist.sim.spec.TaskStreamWorkload;
import io.ldist.sim.spec.VmLifetime;
import io.ldist.sim.spec.VmTraceWorkload;
import io.ldist.sim.spec.Workload;
import io.ldist.sim.trace.PlanetLabTraceReader;
import io.ldist.sim.trace.TaskCsvReader;
import io.ldist.sim.trace.TraceFormatException;
import io.ldist.sim.trace.UtilizationTrace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario file into a {@link LoadedScenario}, refusing any mistake before work starts: YAML syntax,
 * then the JSON Schema (unknown fields, types, ranges) and ldist's own checks (units, names that must match,
 * policy names and parameters, data files). The problems of the schema and of ldist's checks are reported
 * together (those of ldist's checks only where the schema found nothing in the same field), each with its
 * file, line, field path, what was expected and what was found.
 */
public final class ScenarioLoader {
    public static final String SCHEMA = "io/ldist/cli/scenario.schema.json";
    public static final String EMBEDDED_QUICKSTART = "io/ldist/cli/quickstart.yaml";

    private static final SchemaValidation VALIDATION = SchemaValidation.fromClasspath(SCHEMA);

    private ScenarioLoader() {
    }

    public static LoadedScenario load(Path file, List<String> overrides) {
        return load(file, overrides, TraceCache.NONE);
    }

    /** Loads a scenario, reading its trace through {@code traces} (a comparison reads each day once). */
    public static LoadedScenario load(Path file, List<String> overrides, TraceCache traces) {
        return load(ScenarioDocument.parse(file), overrides, file.toString(), traces);
    }

    /** The quickstart scenario shipped inside ldist, for a first run without any file. */
    public static LoadedScenario loadEmbeddedQuickstart(List<String> overrides) {
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(EMBEDDED_QUICKSTART)) {
            if (in == null) {
                throw new IllegalStateException("the embedded quickstart scenario is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return load(ScenarioDocument.parse(text, "quickstart.yaml (embedded)"), overrides,
                    "embedded quickstart", TraceCache.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedScenario load(ScenarioDocument parsed, List<String> overrides, String source, TraceCache traces) {
        ScenarioDocument document = Overrides.apply(parsed, overrides);
        List<ScenarioProblem> schemaProblems = VALIDATION.problems(document);
        Reading reading = new Reading(new FieldReader(document), schemaProblems, traces);
        LoadedScenario scenario;
        try {
            scenario = reading.read(source);
        } catch (RuntimeException e) {
            if (schemaProblems.isEmpty()) {
                throw e;
            }
            // The schema problems left the document too broken to read on: report them alone.
            throw new ScenarioException(schemaProblems);
        }
        List<ScenarioProblem> problems = new ArrayList<>(schemaProblems);
        for (ScenarioProblem problem : reading.in.problems()) {
            if (schemaProblems.stream().noneMatch(schema -> related(schema.fieldPath(), problem.fieldPath()))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return scenario;
    }

    /**
     * Whether two fields are the same or one holds the other: a problem ldist's own checks find there, when
     * the schema already found one, is most likely the same mistake seen again (a wrong kind of workload
     * also lacks the fields of the kind meant).
     */
    private static boolean related(String a, String b) {
        return a.isEmpty() || b.isEmpty() || holds(a, b) || holds(b, a);
    }

    private static boolean holds(String outer, String inner) {
        return inner.startsWith(outer) && (inner.length() == outer.length()
                || inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    /**
     * One pass over a document, recording every problem ldist's own checks find. It reads documents that
     * failed schema validation too, so that all mistakes are reported at once; {@code schemaProblems} says
     * which parts the schema already refused.
     */
    private static final class Reading {
        final FieldReader in;
        final TraceCache traces;
        final List<ScenarioProblem> schemaProblems;
        final Map<String, HostType> hostTypes = new LinkedHashMap<>();
        final Map<String, VmType> vmTypes = new LinkedHashMap<>();
        /** Every host type name written, including types refused for another mistake (not reported again). */
        final Set<String> hostTypeNames = new LinkedHashSet<>();
        boolean taskWorkload;
        /** What the data readers skipped, cut or tolerated, to be said to the user (never silently). */
        final List<String> notices = new ArrayList<>();
        /** The run's duration, for times that must fall within it. */
        double durationS;

        Reading(FieldReader in, List<ScenarioProblem> schemaProblems, TraceCache traces) {
            this.traces = traces;
            this.in = in;
            this.schemaProblems = schemaProblems;
        }

        /** How many times the scenario is replicated (servers, VMs, and for task streams arrivals and scaling). */
        private int scale = 1;

        LoadedScenario read(String source) {
            String name = in.text("/name", "scenario");
            if (name.chars().anyMatch(Character::isISOControl)) {
                // A name is the default output folder and a label in every report: a NUL cannot be a folder's.
                in.problem("/name", "a name without control characters (it names the output folder)",
                        Phrases.describe(in.node("/name")));
            }
            long seed = in.longInteger("/seed", 1);
            double duration = positiveDuration("/duration", 86_400);
            durationS = duration;
            double interval = positiveDuration("/decisionInterval", 300);
            double health = positiveDuration("/health/interval", 10);
            int scale = Math.max(1, in.integer("/scale", 1));
            this.scale = scale;
            readHostTypes();
            readVmTypes();
            taskWorkload = "tasks".equals(in.text("/workload/kind", ""));
            UnreadFields.check(in);
            int maxVms = maxVmsPerHost();
            if (soundlyRead("duration", "decisionInterval", "health")) {
                SizeLimits.checkRounds(in, duration, interval, health);
            }
            List<HostGroup> hosts = readHosts(scale);
            int initialHosts = SizeLimits.servers(hosts);
            Workload workload = taskWorkload ? readTasks(scale) : readTrace(scale);
            MigrationModel migration = readMigration();
            Faults faults = readFaults(initialHosts);
            EngineSettings engine = readPolicies(maxVms, hosts,
                    new PolicyContext(interval, migration.bandwidthShare(), seed));
            if (!in.problems().isEmpty()) {
                return null;
            }
            SimulationSpec spec = new SimulationSpec(name, seed, duration, interval, hosts, workload, migration,
                    health, faults);
            return new LoadedScenario(name, in.text("/description", ""), source, spec, engine, notices);
        }

        // ------------------------------------------------------------ fleet

        void readHostTypes() {
            for (int i = 0; i < in.size("/fleet/hostTypes"); i++) {
                String at = "/fleet/hostTypes/" + i;
                String name = in.text(at + "/name", "");
                if (!hostTypeNames.add(name)) {
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
                hostTypes.putIfAbsent(name, type);
            }
        }

        PowerCurve readPower(String at) {
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
                if (vmTypes.putIfAbsent(name, type) != null) {
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

        List<HostGroup> readHosts(int scale) {
            List<HostGroup> groups = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < in.size("/fleet/hosts"); i++) {
                String at = "/fleet/hosts/" + i;
                counts.add(in.integer(at + "/count", 0));
                HostType type = hostType(at + "/type");
                HostState state = "standby".equals(in.text(at + "/state", "active")) ? HostState.STANDBY
                        : HostState.ACTIVE;
                if (type != null) {
                    groups.add(new HostGroup(type, SizeLimits.times(Math.max(0, counts.get(i)), scale), state));
                }
            }
            if (soundlyRead("fleet.hosts", "scale")) {
                SizeLimits.checkServers(in, counts, scale);
            }
            if (SizeLimits.servers(groups) == 0 && in.problems().isEmpty()
                    && schemaProblems.isEmpty()) {
                in.problem("/fleet/hosts", "at least one server (a count >= 1)", "no server at all");
            }
            return groups;
        }

        HostType hostType(String at) {
            return named(at, hostTypes, hostTypeNames, "host type", "fleet.hostTypes");
        }

        VmType vmType(String at) {
            return named(at, vmTypes, vmTypes.keySet(), "VM type", "fleet.vmTypes");
        }

        /**
         * The type a field names, or null. A name that is written in the scenario but whose type was refused
         * for another mistake is not reported again here.
         */
        <T> T named(String at, Map<String, T> known, Set<String> declared, String what, String where) {
            String name = in.text(at, "");
            T value = known.get(name);
            // When the schema refused something in the list of types, the name may well be right.
            boolean listBroken = !schemaProblems.isEmpty() && (declared.isEmpty()
                    || schemaProblems.stream().anyMatch(problem -> problem.fieldPath().startsWith(where)));
            if (value == null && !declared.contains(name) && !listBroken) {
                in.problem(at, "the name of a " + what + " of " + where + " (" + String.join(", ", declared)
                        + ")", "'" + name + "'", NearestName.didYouMean(declared, name));
            }
            return value;
        }

        // ------------------------------------------------------------ workloads

        Workload readTrace(int scale) {
            if (!in.has("/workload/path")) {
                in.problem("/workload", "a 'path' to the trace folder for a vm-trace workload",
                        "nothing (field 'path' is missing)");
                return null;
            }
            List<VmType> types = new ArrayList<>();
            if (in.has("/workload/vmTypes")) {
                for (int i = 0; i < in.size("/workload/vmTypes"); i++) {
                    VmType type = vmType("/workload/vmTypes/" + i);
                    if (type != null) {
                        types.add(type);
                    }
                }
            } else {
                types.addAll(vmTypes.values());
            }
            RamModel ram = "initial-only".equals(in.text("/workload/ramModel", "reserved")) ? RamModel.INITIAL_ONLY
                    : RamModel.RESERVED;
            VmLifetime lifetime = "until-idle".equals(in.text("/workload/lifetime", "whole-trace"))
                    ? VmLifetime.UNTIL_IDLE : VmLifetime.WHOLE_TRACE;
            UtilizationTrace trace = readTraceFolder();
            if (trace == null || types.isEmpty()) {
                return null;
            }
            if (soundlyRead("scale")) {
                SizeLimits.checkVms(in, trace.seriesCount(), scale);
            }
            DataNotices.shortTrace(in, trace, durationS).ifPresent(notices::add);
            return new VmTraceWorkload(trace, types, ram, lifetime, scale);
        }

        UtilizationTrace readTraceFolder() {
            String written = in.text("/workload/path", "");
            Path folder = in.document().resolvePath(written);
            try {
                UtilizationTrace trace = traces.read(folder, f -> new PlanetLabTraceReader(288).read(f));
                notices.addAll(trace.notices());
                return trace;
            } catch (TraceFormatException e) {
                dataProblem("/workload/path", written, folder, e, "trace",
                        "a folder of PlanetLab trace files (288 lines of integer CPU % each)");
                return null;
            }
        }

        /**
         * A data file or folder that cannot be read ({@code kind} "trace": a folder of trace files; "task": a
         * CSV file). When the file or folder named in the scenario is itself missing or of the wrong kind, the
         * problem reads like any other (expected ..., found ...); when a line in a data file is wrong, it names
         * that file and line the way compilers do, followed by the reader's own expected and found.
         */
        void dataProblem(String at, String written, Path resolved, TraceFormatException e, String kind,
                         String expected) {
            if (!e.file().equals(resolved)) {
                in.problem(at, "", kind + " file " + e.getMessage());
                return;
            }
            String shown = Phrases.quote(written);
            Path absolute = resolved.toAbsolutePath().normalize();
            if (!Path.of(written).equals(absolute)) {
                shown += " (" + absolute + ")";
            }
            boolean folderExpected = kind.equals("trace");
            if (!Files.exists(resolved)) {
                in.problem(at, expected, shown + (Files.isSymbolicLink(resolved)
                        ? ", a link that leads nowhere (it dangles or loops)" : ", which does not exist"));
            } else if (folderExpected != Files.isDirectory(resolved)) {
                in.problem(at, expected, shown + ", which is a " + (folderExpected ? "file" : "folder"));
            } else if (e.line() > 0) {
                in.problem(at, "", kind + " file " + e.getMessage());
            } else {
                String prefix = e.file() + ": ";
                String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                        : e.getMessage();
                in.problem(at, expected, shown + ": " + reason);
            }
        }

        /**
         * A task stream scaled K times is K copies of it on one fleet: K times the servers (see readHosts), the
         * arrival rate, each replayed CSV row, and scaling's minHosts, maxHosts, step and standby pool.
         */
        Workload readTasks(int scale) {
            if (!in.has("/fleet/template")) {
                in.problem("/fleet", "a 'template' naming the VMs each server runs, for a task workload",
                        "nothing (field 'template' is missing)");
            }
            TaskCeiling ceiling = templateCeiling();
            TaskSource source = null;
            if (in.has("/workload/csv")) {
                String written = in.text("/workload/csv", "");
                Path file = in.document().resolvePath(written);
                try {
                    TaskCsvReader reader = new TaskCsvReader();
                    TaskSource.TaskList list = new TaskSource.TaskList(reader.read(file, ceiling));
                    notices.addAll(reader.notices());
                    DataNotices.lateTasks(in, file, list, durationS).ifPresent(notices::add);
                    source = new TaskSource.TaskList(replicated(list.tasks(), scale));
                } catch (TraceFormatException e) {
                    dataProblem("/workload/csv", written, file, e, "task",
                            "a CSV file of tasks (arrivalS,cpuMips,ramMb,gpus,durationS[,deadlineS])");
                }
            } else if (in.has("/workload/arrivals") && in.has("/workload/task")) {
                source = readArrivals(ceiling);
            } else {
                in.problem("/workload", "either 'csv' (tasks to replay) or both 'arrivals' and 'task'",
                        "neither");
            }
            TaskRecovery recovery = "resume".equals(in.text("/workload/recovery", "restart")) ? TaskRecovery.RESUME
                    : TaskRecovery.RESTART;
            double maxWait = in.has("/workload/maxWait")
                    ? positiveDuration("/workload/maxWait", Double.POSITIVE_INFINITY) : Double.POSITIVE_INFINITY;
            if (source == null) {
                return null;
            }
            return new TaskStreamWorkload(source, recovery, Math.max(1, in.integer("/workload/maxAttempts", 3)),
                    maxWait, ceiling);
        }

        /** What one template VM holds: no task may ask for more (no ceiling when the VM type was refused). */
        TaskCeiling templateCeiling() {
            VmType worker = soundlyRead("fleet.template", "fleet.vmTypes")
                    ? vmTypes.get(in.text("/fleet/template/vmType", "")) : null;
            return worker == null ? TaskCeiling.NONE : new TaskCeiling(worker.totalMips(), worker.ramMb(),
                    worker.gpus(), "one '" + worker.name() + "' VM (fleet.template)");
        }

        /** A task size no larger than the ceiling: the largest it can take, or the mean of an unbounded one. */
        void taskFits(String at, Distribution size, double limit, String unit, String holder) {
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

        /**
         * No mistake found so far in these fields (dotted, as {@code fleet.vmTypes}): a check across them would
         * only repeat one, since neutral values stand in for refused ones. Mistakes elsewhere do not matter, so
         * that every mistake is reported at once whatever the order of reading.
         */
        boolean soundlyRead(String... fields) {
            for (String field : fields) {
                String pointer = "/" + field.replace('.', '/');
                if (in.refused(pointer) || schemaProblems.stream().anyMatch(p -> p.fieldPath().equals(field)
                        || p.fieldPath().startsWith(field + ".") || p.fieldPath().startsWith(field + "["))) {
                    return false;
                }
            }
            return true;
        }

        /** Every host type the fleet runs or launches holds the template's VMs, perHost of them. */
        void templateFits(VmTemplate template, List<HostGroup> hosts, ScalingSettings scaling) {
            if (!soundlyRead("fleet", "policies.scaling")) {
                return;
            }
            Set<HostType> types = new LinkedHashSet<>();
            hosts.forEach(group -> types.add(group.type()));
            if (scaling != null) {
                types.add(scaling.launchType());
            }
            VmType vm = template.type();
            for (HostType type : types) {
                int fit = VmTemplate.fitting(vm, type);
                if (fit == 0) {
                    in.problem("/fleet/template/vmType", "a VM type that fits on every server the fleet runs",
                            "'" + vm.name() + "', which does not fit on a '" + type.name() + "' server ("
                                    + VmTemplate.tightest(vm, type) + ")");
                    return;
                }
                if (fit < template.perHost()) {
                    in.problem("/fleet/template/perHost", "at most " + fit + ", the '" + vm.name()
                            + "' VMs that fit on a '" + type.name() + "' server (" + VmTemplate.tightest(vm, type)
                            + ")", String.valueOf(template.perHost()));
                    return;
                }
            }
        }

        TaskSource readArrivals(TaskCeiling ceiling) {
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
                double[] window = window(at);
                if (window != null) {
                    surges.add(new Surge(window[0], window[1], in.number(at + "/factor", 1)));
                }
            }
            if (soundlyRead("duration", "workload.arrivals")) {
                SizeLimits.checkArrivals(in, perHour, profile, surges, durationS);
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
            taskFits(at + "/cpuMips", cpu, ceiling.cpuMips(), "MIPS", ceiling.holder());
            taskFits(at + "/ram", ram, ceiling.ramMb(), "MiB", ceiling.holder());
            taskFits(at + "/gpus", gpus, ceiling.gpus(), "GPUs", ceiling.holder());
            return new TaskSource.PoissonArrivals(perHour * scale / 3600, profile, surges,
                    new TaskShape(cpu, gpus, ram, duration, deadline));
        }

        /** Each task {@code times} times in a row, so that arrival order is kept. */
        static List<TaskSpec> replicated(List<TaskSpec> tasks, int times) {
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
        Distribution distribution(String at, Units units, Distribution defaultValue) {
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

        double value(String at, Units units) {
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

        private static String amount(double value, String unit) {
            String number = value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,d", (long) value)
                    : String.format(java.util.Locale.ROOT, "%,.2f", value);
            return number + " " + (unit.equals("GPUs") && value == 1 ? "GPU" : unit);
        }

        // ------------------------------------------------------------ physics and faults

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
                withinRun(at + "/at", when);
                double repair = in.has(at + "/repairAfter") ? positiveDuration(at + "/repairAfter", 1)
                        : Double.POSITIVE_INFINITY;
                crashes.add(new Faults.HostCrash(Math.max(host, Faults.HostCrash.BUSIEST), when, repair));
            }
            Faults.RandomCrashes random = null;
            if (in.has("/faults/random")) {
                random = new Faults.RandomCrashes(positiveDuration("/faults/random/mtbf", 1),
                        positiveDuration("/faults/random/mttr", 1));
            }
            List<Faults.FlakyHost> flaky = new ArrayList<>();
            for (int i = 0; i < in.size("/faults/flaky"); i++) {
                String at = "/faults/flaky/" + i;
                int host = hostIndex(at + "/host", initialHosts);
                double[] window = window(at);
                if (window != null && host >= 0) {
                    flaky.add(new Faults.FlakyHost(host, window[0], window[1], in.share(at + "/errorRate", 0)));
                }
            }
            return new Faults(crashes, random, flaky);
        }

        /**
         * The {@code from} and {@code to} of the window at {@code at}, or null when one is refused (each mistake
         * said once: a malformed time is not also an end before the start).
         */
        double[] window(String at) {
            double from = in.quantity(at + "/from", Units.DURATION, 0);
            double to = in.quantity(at + "/to", Units.DURATION, 0);
            if (in.refused(at + "/from") || in.refused(at + "/to")) {
                return null;
            }
            if (to <= from) {
                in.problem(at + "/to", "an end after the start " + in.text(at + "/from", ""), in.text(at + "/to", ""));
                return null;
            }
            withinRun(at + "/from", from);
            return new double[] {from, to};
        }

        /** A time at which something happens must come before the run ends, or it never happens. */
        void withinRun(String at, double timeS) {
            if (timeS >= durationS) {
                in.problem(at, "a time before the end of the run (duration " + in.text("/duration", "24h") + ")",
                        in.text(at, ""));
            }
        }

        /** An initial server's index, or "busiest" (-1). */
        int hostIndex(String at, int initialHosts) {
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

        // ------------------------------------------------------------ policies

        EngineSettings readPolicies(int maxVms, List<HostGroup> hosts, PolicyContext context) {
            int initialHosts = SizeLimits.servers(hosts);
            PolicyChoiceReader choices = new PolicyChoiceReader(in);
            String scorer = in.text("/policies/scorer", EngineSettings.WEIGHTED_SCORER);
            List<String> scorers = new ArrayList<>(List.of(EngineSettings.WEIGHTED_SCORER));
            scorers.addAll(Policies.SCORERS.names());
            if (!scorers.contains(scorer)) {
                choices.unknownName("/policies/scorer", "a scorer", scorers, scorer);
            }
            LoadWeights weights = readWeights();
            PolicyFamily<?> placements = PlacementPolicies.family(null);
            String placement = in.text("/policies/placement", placements.defaultName().orElseThrow());
            if (!placements.has(placement)) {
                choices.unknownName("/policies/placement", "a placement policy", placements.names(), placement);
            }
            PolicyChoice overload = choices.read("/policies/overload", Policies.OVERLOAD, "an overload policy", null);
            PolicyChoice selection = choices.read("/policies/vmSelection", Policies.VM_SELECTION, "a VM selection policy",
                    Policies.VM_SELECTION.defaultName().orElse(null));
            PolicyChoice underload = choices.read("/policies/underload", Policies.UNDERLOAD, "an underload policy", null);
            JsonNode selectionNode = in.node("/policies/vmSelection");
            boolean noSelection = selectionNode != null && "none".equals(selectionNode.isTextual()
                    ? selectionNode.asText() : selectionNode.path("name").asText());
            if (overload != null && noSelection) {
                in.problem("/policies/vmSelection", "a VM selection policy (" + String.join(", ",
                        Policies.VM_SELECTION.names()) + ") to choose the VMs to move off overloaded servers, "
                        + "since policies.overload is set", "'none'");
            }
            boolean switchOff = "switch-off".equals(in.text("/policies/idleHosts", "switch-off"));
            ScalingSettings scaling = readScaling(initialHosts);
            int missed = Math.max(1, in.integer("/policies/failover/missedChecks", 3));
            CircuitBreakerSettings breaker = null;
            if (in.has("/policies/circuitBreaker")) {
                String at = "/policies/circuitBreaker";
                double rate = in.share(at + "/errorRate", 0.5);
                if (rate <= 0) {
                    in.problem(at + "/errorRate", "an error rate > 0", in.text(at + "/errorRate", ""));
                    rate = 0.5;
                }
                breaker = new CircuitBreakerSettings(rate, Math.max(1, in.integer(at + "/minTasks", 5)),
                        positiveDuration(at + "/window", 300), positiveDuration(at + "/open", 120));
            }
            VmTemplate template = null;
            if (in.has("/fleet/template")) {
                VmType type = vmType("/fleet/template/vmType");
                int perHost = Math.max(1, in.integer("/fleet/template/perHost", 1));
                if (perHost > maxVms) {
                    in.problem("/fleet/template/perHost", "at most fleet.maxVmsPerHost (" + maxVms + ")",
                            String.valueOf(perHost));
                }
                if (type != null) {
                    template = new VmTemplate(type, perHost);
                    templateFits(template, hosts, scaling);
                    if (soundlyRead("fleet", "scale", "policies.scaling")) {
                        SizeLimits.checkTemplateVms(in, Math.max(initialHosts,
                                scaling == null ? 0 : scaling.maxHosts()), perHost);
                    }
                }
            }
            VmSizing sizing = taskWorkload ? VmSizing.RESERVATION : VmSizing.DEMAND;
            if (!in.problems().isEmpty()) {
                return null;
            }
            return new EngineSettings(new FleetRules(maxVms, sizing), scorer, weights, placement, overload,
                    overload == null ? null : selection, underload, switchOff, scaling, missed, breaker, template,
                    context);
        }

        LoadWeights readWeights() {
            String at = "/policies/weights";
            if (!in.has(at)) {
                return LoadWeights.DEFAULT;
            }
            LoadWeights d = LoadWeights.DEFAULT;
            double requests = in.number(at + "/requests", d.requests());
            double cpu = in.number(at + "/cpu", d.cpu());
            double memory = in.number(at + "/memory", d.memory());
            double gpu = in.number(at + "/gpu", d.gpu());
            if (requests + cpu + memory + gpu <= 0) {
                in.problem(at, "at least one weight > 0", "all weights 0");
                return d;
            }
            return new LoadWeights(requests, cpu, memory, gpu);
        }

        /** A scaling setting times the scenario's scale, refused when that is more servers than a run may have. */
        int scaled(String at, int value) {
            long servers = (long) value * scale;
            if (servers > SizeLimits.MAX_SERVERS) {
                in.problem(at, "at most " + SizeLimits.number(SizeLimits.MAX_SERVERS) + " servers with scale " + scale,
                        SizeLimits.number(value) + " (" + SizeLimits.number(servers) + " servers)");
                return value;
            }
            return (int) servers;
        }

        ScalingSettings readScaling(int initialHosts) {
            String at = "/policies/scaling";
            if (!"threshold".equals(in.text(at + "/policy", "none"))) {
                return null;
            }
            double out = in.share(at + "/scaleOut", ScalingSettings.DEFAULT_SCALE_OUT);
            double scaleIn = in.share(at + "/scaleIn", ScalingSettings.DEFAULT_SCALE_IN);
            if (scaleIn >= out) {
                in.problem(at + "/scaleIn", "a threshold below scaleOut (" + in.text(at + "/scaleOut", String.valueOf(ScalingSettings.DEFAULT_SCALE_OUT)) + ")",
                        Phrases.describe(in.node(at + "/scaleIn")));
            }
            int min = Math.max(0, in.integer(at + "/minHosts", 1));
            int max = Math.max(1, in.integer(at + "/maxHosts", SizeLimits.defaultMaxHosts(initialHosts / scale)));
            if (max < min) {
                in.problem(at + "/maxHosts", "at least minHosts (" + min + ")", String.valueOf(max));
            }
            HostType launch = in.has(at + "/launchType") ? hostType(at + "/launchType")
                    : hostTypes.values().stream().findFirst().orElse(null);
            if (launch == null || scaleIn >= out || max < min) {
                return null;
            }
            return new ScalingSettings(out, scaleIn, in.quantity(at + "/window", Units.DURATION, ScalingSettings.DEFAULT_WINDOW_S),
                    in.quantity(at + "/cooldown", Units.DURATION, ScalingSettings.DEFAULT_COOLDOWN_S),
                    scaled(at + "/minHosts", min), scaled(at + "/maxHosts", max),
                    scaled(at + "/step", Math.max(1, in.integer(at + "/step", 1))), launch,
                    scaled(at + "/standbyPool", Math.max(0, in.integer(at + "/standbyPool", 0))),
                    "migrate".equals(in.text(at + "/drain", "finish")));
        }

        // ------------------------------------------------------------ small checks

        int atLeastOne(String at) {
            return Math.max(1, in.integer(at, 1));
        }

        double positiveOrOne(String at) {
            double value = in.number(at, 1);
            return value > 0 && Double.isFinite(value) ? value : 1;
        }

        double nonNegative(String at) {
            double value = in.number(at, 0);
            return value >= 0 && Double.isFinite(value) ? value : 0;
        }

        double positiveDuration(String at, double defaultValue) {
            double value = in.positiveQuantity(at, Units.DURATION, defaultValue);
            return Double.isNaN(value) ? defaultValue : value;
        }
    }
}

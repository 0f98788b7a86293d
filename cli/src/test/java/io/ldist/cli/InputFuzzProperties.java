package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ldist.scenario.LoadedScenario;
import io.ldist.scenario.ScenarioLoader;
import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.spec.TaskStreamWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated scenarios, task CSVs and trace files (flipped bytes, deleted and repeated lines, values of another
 * type, huge and negative numbers, other encodings) through the loader and a short simulation: every outcome is
 * exit 0, or exit 2 with every line of the message naming the scenario file and the place (or the --set), never an
 * exception, and nothing written on refusal.
 */
class InputFuzzProperties {

    /** What a mutation edits: the scenario, the task CSV it replays, or one file of its trace folder. */
    enum Target { SCENARIO, CSV, TRACE_FILE }

    /** One edit of a text, its place and choice drawn as plain numbers so that jqwik can shrink them. */
    enum Kind { FLIP_BYTE, DELETE_LINE, DUPLICATE_LINE, SWAP_VALUE, NUMBER, ENCODING, TRUNCATE, INSERT_FIELD }

    record Mutation(Kind kind, int where, int choice) {
    }

    record Case(String base, Target target, List<Mutation> mutations) {
    }

    private static final String CSV = "arrivalS,cpuMips,ramMb,gpus,durationS,deadlineS\n0,1000,512,0,60,\n"
            + "30,2000,1024,0,120,400\n60,500,256,0,30,\n";

    /** Values of another type, or odd shapes, put in place of a value. */
    private static final List<String> VALUES = List.of("abc", "[1, 2]", "{a: 1}", "true", "null", "''", "~", "[]",
            "{}", "\"\"", "- x", "5x", "1.5h", "80%", "busiest", "unlimited", "!!binary aGk=", "*alias", "&a 1",
            "'multi\nline'", "é", "\u0000", "\t", "#", ":", "{", "[", "\"", "'", "?",
            "\"a\\0b\"", "\"\\t\"", "\"\\e[2J\"", "../../x", "/", "\"\\uFFFE\"");

    /** Numbers past every edge: negative, zero, past int and long, unbounded floats. */
    private static final List<String> NUMBERS = List.of("-1", "0", "-0", "4294967300", "2147483648", "-2147483649",
            "1000000000000", "99999999999999999999999", "1e308", "1e999", "-1e308", "0.0000001", ".inf", ".nan",
            "9223372036854775807", "0x10", "1_000", "1e-320", "3650d", "99999d", "1ms", "0s", "1000TiB", "0.5", "1.0",
            "-0.5", "100", "101", "288", "4e9", "-1e300", "1.5", "+5", "1e20", "00012");

    /** Field names of every part of a scenario, inserted where they may or may not belong. */
    private static final List<String> FIELDS = List.of("seed", "scale", "duration", "decisionInterval", "count",
            "cores", "taskSlots", "maxVmsPerHost", "template", "perHost", "csv", "arrivals", "task", "path",
            "vmTypes", "maxAttempts", "maxWait", "recovery", "perHour", "dailyProfile", "surges", "factor", "host",
            "at", "from", "to", "crashes", "flaky", "faults", "scaling", "minHosts", "maxHosts", "standbyPool",
            "ram", "network", "bootTime", "gpus", "power", "kind", "lifetime", "ramModel", "deadlineFactor",
            "health", "interval", "migration", "bandwidthShare", "weights", "state", "type");

    private static final byte[] PICKED_BYTES = {0, (byte) 0xFF, (byte) 0xC3, (byte) 0xE9, '\t', '\r', ':', '-', '[',
            '{', '#', '"', '\'', ' ', '\n', '9', ',', '&', '*', '!', '%', '@', '`', '|', '>'};

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000))
                .as(Mutation::new);
        // Each base with the files it reads: a task stream reads only its scenario.
        Arbitrary<Case> tasks = mutation.list().ofMinSize(1).ofMaxSize(3)
                .map(list -> new Case("tasks", Target.SCENARIO, list));
        Arbitrary<Case> trace = Combinators.combine(Arbitraries.of(Target.SCENARIO, Target.TRACE_FILE),
                mutation.list().ofMinSize(1).ofMaxSize(3)).as((target, list) -> new Case("trace", target, list));
        Arbitrary<Case> csv = Combinators.combine(Arbitraries.of("csv", "gpu-batch"),
                Arbitraries.of(Target.SCENARIO, Target.CSV), mutation.list().ofMinSize(1).ofMaxSize(3))
                .as(Case::new);
        // The shipped scenarios, whose fields go well beyond the small test ones.
        Arbitrary<Case> shipped = Combinators.combine(Arbitraries.of("quickstart", "ec2-day"),
                mutation.list().ofMinSize(1).ofMaxSize(2)).as((base, list) -> new Case(base, Target.SCENARIO, list));
        return Arbitraries.oneOf(tasks, trace, csv, shipped);
    }

    @Property(tries = 500)
    void mutatedInput_endsInARunOrALocatedRefusal_neverAnException(@ForAll("cases") Case fuzz) throws IOException {
        Path dir = Files.createTempDirectory("ldist-fuzz");
        try {
            Path scenario = write(dir, fuzz);
            Map<String, Long> before = TestScenarios.listing(dir);
            Path out = dir.resolve("out");

            CliRun validate = CliRun.ldist("validate", scenario.toString());
            Statistics.label("validate").collect(fuzz.target() + " " + validate.exitCode());
            checkOutcome(fuzz, scenario, validate);
            assertThat(TestScenarios.listing(dir)).as("validate writes nothing").isEqualTo(before);
            if (validate.exitCode() != 0) {
                return;
            }
            List<String> args = new ArrayList<>(List.of("simulate", scenario.toString(), "--out", out.toString(),
                    "--quiet"));
            args.addAll(shortRun(scenario, List.of()));
            CliRun simulate = CliRun.ldist(args.toArray(String[]::new));
            Statistics.label("simulate").collect(simulate.exitCode());
            checkOutcome(fuzz, scenario, simulate);
            if (simulate.exitCode() == 0) {
                assertThat(out.resolve("summary.json")).exists();
                assertThat(out.resolve("run.json")).exists();
            } else {
                assertThat(TestScenarios.listing(dir)).as("a refused run writes nothing").isEqualTo(before);
            }
        } finally {
            delete(dir);
        }
    }

    /** Paths that --set may name, deep and shallow, existing or not. */
    private static final List<String> PATHS = List.of("seed", "scale", "duration", "decisionInterval",
            "fleet.hosts[0].count", "fleet.hosts[0]", "fleet.hosts[1].count", "fleet.hostTypes[0].cores",
            "fleet.hostTypes[0].power", "fleet.hostTypes[0].ram", "fleet.vmTypes[0].taskSlots", "fleet.maxVmsPerHost",
            "fleet.template.perHost", "fleet", "workload", "workload.kind", "workload.csv", "workload.path",
            "workload.arrivals", "workload.arrivals.perHour", "workload.arrivals.dailyProfile", "workload.task.cpuMips",
            "workload.task.duration", "workload.maxAttempts", "workload.maxWait", "faults", "faults.crashes",
            "policies.scaling", "policies.failover.missedChecks", "health.interval", "migration.cpuLoss", "name",
            "fleet.hosts[99999999999]", "a..b", "[0]", "fleet.hosts[-1]");

    @Provide
    Arbitrary<List<String>> overrides() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.of(VALUES));
        return Combinators.combine(Arbitraries.of(PATHS), value).as((path, v) -> path + "=" + v)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 150)
    void overriddenFields_endInARunOrALocatedRefusal(@ForAll("overrides") List<String> sets,
                                                     @ForAll boolean trace) throws IOException {
        Path dir = Files.createTempDirectory("ldist-fuzz");
        try {
            Path scenario = write(dir, new Case(trace ? "trace" : "tasks", Target.SCENARIO, List.of()));
            Case fuzz = new Case("--set " + sets, Target.SCENARIO, List.of());
            List<String> args = new ArrayList<>(List.of("validate", scenario.toString()));
            sets.forEach(set -> args.addAll(List.of("--set", set)));
            CliRun validate = CliRun.ldist(args.toArray(String[]::new));
            checkOutcome(fuzz, scenario, validate);
            if (validate.exitCode() == 0) {
                List<String> run = new ArrayList<>(List.of("simulate", scenario.toString(), "--out",
                        dir.resolve("out").toString(), "--quiet"));
                sets.forEach(set -> run.addAll(List.of("--set", set)));
                run.addAll(shortRun(scenario, sets));
                checkOutcome(fuzz, scenario, CliRun.ldist(run.toArray(String[]::new)));
            }
        } finally {
            delete(dir);
        }
    }

    /** compare, whose --days resolve after every --set: bad days and overrides refused before any run. */
    @Property(tries = 60)
    void comparedWithDays_endInResultsOrARefusal(@ForAll("overrides") List<String> sets,
                                                  @ForAll("days") String days) throws IOException {
        Path dir = Files.createTempDirectory("ldist-fuzz");
        try {
            Path scenario = write(dir, new Case("trace", Target.SCENARIO, List.of()));
            TestScenarios.traceFolder(dir.resolve("trace2"));
            Map<String, Long> before = TestScenarios.listing(dir);
            List<String> args = new ArrayList<>(List.of("compare", scenario.toString(), "--days", days, "--threads",
                    "1", "--quiet", "--out", dir.resolve("out").toString()));
            sets.forEach(set -> args.addAll(List.of("--set", set)));
            if (CliRun.ldist(concat(List.of("validate", scenario.toString()), sets)).exitCode() == 0) {
                args.addAll(shortRun(scenario, sets));
            }
            CliRun run = CliRun.ldist(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(sets + " --days " + days + "\n" + run).isIn(0, Ldist.BAD_INPUT);
            assertThat(run.err()).as(run.toString()).doesNotContain("Exception").doesNotContain("    at ");
            if (run.exitCode() == Ldist.BAD_INPUT) {
                assertThat(TestScenarios.listing(dir)).as("a refused comparison writes nothing").isEqualTo(before);
            } else {
                assertThat(dir.resolve("out/results.csv")).exists();
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<String> days() {
        return Arbitraries.of("all", "trace", "trace2", "trace,trace2", "nope", "../x", "all,trace", " ", "trace/..");
    }

    private static String[] concat(List<String> command, List<String> sets) {
        List<String> args = new ArrayList<>(command);
        sets.forEach(set -> args.addAll(List.of("--set", set)));
        return args.toArray(String[]::new);
    }

    private static void checkOutcome(Case fuzz, Path scenario, CliRun run) {
        assertThat(run.exitCode()).as(fuzz + "\n" + run).isIn(0, Ldist.BAD_INPUT);
        assertThat(run.err()).as(fuzz + "\n" + run).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("    at ").doesNotContain("ldist: failed");
        if (run.exitCode() == Ldist.BAD_INPUT) {
            List<String> lines = run.err().lines().filter(line -> !line.startsWith("ldist: notice: ")).toList();
            assertThat(lines).as(fuzz + "\n" + run).isNotEmpty();
            for (String line : lines) {
                // file:line:column: field: ..., or file: ... for the whole file, or --set ...: for an override.
                assertThat(line.startsWith(scenario + ":") || line.startsWith("--set "))
                        .as("located: " + line + "\n" + fuzz + "\n" + run).isTrue();
            }
        }
    }

    /**
     * Options that keep a valid mutant's run short: at most two simulated hours, and no simulation at all of a
     * fleet or a stream that mutation made large (validate has read it; that is the part under test).
     */
    private static List<String> shortRun(Path scenario, List<String> sets) {
        LoadedScenario loaded = ScenarioLoader.load(scenario, sets);
        double duration = Math.min(loaded.spec().durationS(), 7200);
        boolean large = loaded.spec().initialHostCount() > 200
                || duration / loaded.spec().decisionIntervalS() > 2000
                || duration / loaded.spec().healthCheckIntervalS() > 20_000
                || (loaded.spec().workload() instanceof TaskStreamWorkload tasks
                        && tasks.source() instanceof TaskSource.PoissonArrivals arrivals
                        && arrivals.peakRate() * duration > 20_000);
        List<String> options = new ArrayList<>(List.of("--set", "duration=" + (large ? 1 : duration)));
        if (large) {
            options.addAll(List.of("--set", "decisionInterval=1", "--set", "health={interval: 1}"));
        }
        return options;
    }

    // ------------------------------------------------------------ the files and their mutations

    private static Path write(Path dir, Case fuzz) throws IOException {
        String base = switch (fuzz.base()) {
            case "trace" -> TestScenarios.TRACE;
            case "csv" -> TestScenarios.TASKS.replace(
                    "  arrivals:\n    perHour: 60\n  task:\n    cpuMips: 1000\n    duration: 2m\n", "  csv: tasks.csv\n");
            case "quickstart" -> TestScenarios.read(TestScenarios.SCENARIOS.resolve("quickstart.yaml"));
            case "ec2-day" -> TestScenarios.read(TestScenarios.SCENARIOS.resolve("tasks/ec2-day.yaml"));
            case "gpu-batch" -> TestScenarios.read(TestScenarios.SCENARIOS.resolve("tasks/gpu-batch.yaml"));
            default -> TestScenarios.TASKS;
        };
        Path csv = dir.resolve(fuzz.base().equals("gpu-batch") ? "gpu-batch.csv" : "tasks.csv");
        if (fuzz.base().equals("csv")) {
            Files.writeString(csv, CSV, StandardCharsets.UTF_8);
        } else if (fuzz.base().equals("gpu-batch")) {
            Files.copy(TestScenarios.SCENARIOS.resolve("tasks/gpu-batch.csv"), csv);
        }
        TestScenarios.traceFolder(dir.resolve("trace"));
        Path target = switch (fuzz.target()) {
            case SCENARIO -> dir.resolve("scenario.yaml");
            case CSV -> csv;
            case TRACE_FILE -> dir.resolve("trace").resolve(TestScenarios.TRACE_FILES.get(1));
        };
        Files.writeString(dir.resolve("scenario.yaml"), base, StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            byte[] bytes = Files.readAllBytes(target);
            for (Mutation mutation : fuzz.mutations()) {
                bytes = apply(mutation, bytes);
            }
            Files.write(target, bytes);
        }
        return dir.resolve("scenario.yaml");
    }

    static byte[] apply(Mutation m, byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = m.where() % lines.size();
        return switch (m.kind()) {
            case FLIP_BYTE -> {
                byte[] copy = bytes.clone();
                copy[m.where() % copy.length] = m.choice() % 2 == 0 ? PICKED_BYTES[m.choice() / 2 % PICKED_BYTES.length]
                        : (byte) (copy[m.where() % copy.length] ^ (1 << (m.choice() % 8)));
                yield copy;
            }
            case DELETE_LINE -> {
                lines.remove(line);
                yield join(lines);
            }
            case DUPLICATE_LINE -> {
                lines.add(line, lines.get(line));
                yield join(lines);
            }
            case SWAP_VALUE -> join(replaceValue(lines, line, VALUES.get(m.choice() % VALUES.size())));
            case NUMBER -> join(replaceNumber(lines, line, NUMBERS.get(m.choice() % NUMBERS.size())));
            case ENCODING -> switch (m.choice() % 4) {
                case 0 -> text.getBytes(StandardCharsets.UTF_16);
                case 1 -> text.replace("small", "sm\u00E4ll").getBytes(StandardCharsets.ISO_8859_1);
                case 2 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
                default -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            };
            case TRUNCATE -> java.util.Arrays.copyOf(bytes, m.where() % bytes.length);
            case INSERT_FIELD -> {
                String at = lines.get(line);
                String indent = at.substring(0, at.length() - at.stripLeading().length());
                List<String> values = m.choice() % 2 == 0 ? NUMBERS : VALUES;
                lines.add(line, indent + FIELDS.get(m.choice() / 2 % FIELDS.size()) + ": "
                        + values.get(m.choice() / 2 / FIELDS.size() % values.size()));
                yield join(lines);
            }
        };
    }

    /** The value after the first ': ' (or the first cell of a CSV row), replaced. */
    private static List<String> replaceValue(List<String> lines, int line, String value) {
        String text = lines.get(line);
        int colon = text.indexOf(": ");
        int comma = text.indexOf(',');
        if (colon >= 0) {
            lines.set(line, text.substring(0, colon + 2) + value);
        } else if (comma >= 0) {
            lines.set(line, value + text.substring(comma));
        } else {
            lines.set(line, value);
        }
        return lines;
    }

    /** The first number of the line (or the line, when it has none), replaced. */
    private static List<String> replaceNumber(List<String> lines, int line, String number) {
        String text = lines.get(line);
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
        lines.set(line, digits.find() ? text.substring(0, digits.start()) + number + text.substring(digits.end())
                : number);
        return lines;
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ldist.cli.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.cli.Ldist;
import io.ldist.engine.util.Plural;
import io.ldist.cli.BadInputException;
import io.ldist.cli.Notices;
import io.ldist.cli.OptionRange;
import io.ldist.cli.OutputFolder;
import io.ldist.cli.Progress;
import io.ldist.cli.ProvenanceFile;
import io.ldist.cli.ReportOptions;
import io.ldist.cli.RunProvenance;
import io.ldist.cli.ScenarioOptions;
import io.ldist.cli.TestPause;
import io.ldist.scenario.Overrides;
import io.ldist.scenario.ScenarioDocument;
import io.ldist.scenario.ScenarioException;
import io.ldist.scenario.TraceCache;
import io.ldist.reports.IdenticalVariants;
import io.ldist.reports.Metric;
import io.ldist.reports.Metrics;
import io.ldist.reports.Provenance;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.SloVerdicts;
import io.ldist.reports.Variants;
import io.ldist.sim.record.RunOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Runs every combination of variants, days and seeds, in parallel, and writes results.csv. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist compare scenarios/tasks/ec2-day.yaml --sweep scenarios/sweeps/ec2-max-hosts.yaml --out out/max-hosts",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a scenario, a trace, an option, an output folder in the way or in use by another run", "1:failure: a full disk, among others"},
        description = "Run every combination of scenarios (or policies, or a sweep), days and seeds in parallel; "
                + "write results.csv (one row per run) and report.html to the output folder.")
public final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files; each is a variant unless "
            + "--policies or --sweep derive variants from them.")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--policies", split = ",", paramLabel = "POLICY",
            description = "Policies to compare on each scenario: the study's notation detector-selector[-parameter] "
                    + "(thr-mmt-0.8, iqr-mc, lr-mmt-1.2), dvfs, or a placement policy (first-fit, pabfd, ...).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "SWEEP.yaml",
            description = "A sweep file: parameter (a scenario field), values, and optionally policies.")
    Path sweep;

    @Option(names = "--days", split = ",", paramLabel = "DAY",
            description = "Trace days (folders beside the scenario's trace folder) to run on, or 'all'.")
    List<String> days = new ArrayList<>();

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "Override a scenario field in every variant (repeatable); a variant's own policy or "
                    + "swept value wins.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "K",
            description = "Replicate every scenario's servers and VMs K times (same as --set scale=K).")
    Integer scale;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds per combination, from the scenario's own upwards (default 1).")
    int seeds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty output folder, replacing files of the same name.")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at once (default: every core).")
    Integer threads;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary on standard output as a JSON array instead of the "
            + "table: one object per variant (policy, value, runs, and the mean of each headline metric by its "
            + "results.csv name; a metric no run measured is left out).")
    boolean json;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        if (!policies.isEmpty() && sweep != null) {
            throw new BadInputException("choose either --policies or --sweep, not both");
        }
        OptionRange.SEEDS.check(seeds);
        OptionRange.THREADS.check(threads);
        OptionRange.SCALE.check(scale);
        List<String> unknown = policies.stream().map(StudyPolicies::refusal).flatMap(Optional::stream).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException(String.join("\n", unknown));
        }
        SweepFile sweepFile = sweep == null ? null : SweepFile.read(sweep);
        List<Variant> variants = variants(sweepFile);
        List<RunMatrix.Run> runs;
        try {
            runs = RunMatrix.build(variants, days, seeds, TraceCache.shared());
        } catch (ScenarioException e) {
            throw sweepFile == null ? e : sweepFile.relocated(e);
        }
        refuseSharedNames(runs);
        Notices.print(spec.commandLine().getErr(), runs.stream().flatMap(run -> run.scenario().notices().stream())
                .toList());
        report.pairedTest();
        report.checkAgainst(planned(runs));
        // Hashed as read, before the runs: a file changed meanwhile is not what they simulated.
        Provenance provenance = RunProvenance.collect(spec, overrides, scenarios, sweep,
                runs.stream().flatMap(run -> run.scenario().dataPaths().stream()).toList());
        // Everything is written into the staging folder and swapped in at the end: see OutputFolder.
        try (OutputFolder output = OutputFolder.claim(out, force)) {
            compare(variants, runs, output, provenance);
        }
        return 0;
    }

    private void compare(List<Variant> variants, List<RunMatrix.Run> runs, OutputFolder output,
                         Provenance provenance) {
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        Path staging = output.staging();
        ComparisonRunner.Outcome outcome;
        try (Progress progress = new Progress("compare", !quiet, runs.size(), "runs")) {
            // Not createDirectories: a staging folder removed by SIGTERM meanwhile must not be made again.
            Path runsFolder = Files.createDirectory(staging.resolve(ComparisonRunner.RUNS_FOLDER));
            int[] done = {0};
            outcome = ComparisonRunner.run(runs, workers, runsFolder, n -> {
                synchronized (done) {
                    done[0] += n;
                    progress.accept((double) done[0] / runs.size());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the runs' time series in " + out, e);
        }
        TestPause.at("runs-written");
        ResultsTable results = outcome.results();
        RunOutput.writeAtomically(staging.resolve("results.csv"), w -> w.write(results.toCsv()));
        TestPause.at("results.csv-written");
        RunOutput.writeAtomically(staging.resolve("timings.csv"), w -> w.write(timings(runs, outcome.wallSeconds())));
        ProvenanceFile.write(staging, provenance);
        Notices.print(spec.commandLine().getErr(), SloVerdicts.unmeasured(results, report.objectives()));
        // From the file as written, so that ldist report rebuilds the same bytes from it.
        report.writeReport(ResultsTable.read(staging.resolve("results.csv")), staging, staging);
        TestPause.at("report-written");
        output.commit();
        if (json) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(summaryJson(results, new Variants(results)));
            stdout.flush();
        } else if (!quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            String days = results.days().isEmpty() ? "" : " x " + Plural.of(results.days().size(), "day");
            stdout.printf(Locale.ROOT, "%s (%s%s x %s) on %s in %.1f s%n%n", Plural.of(runs.size(), "run"),
                    Plural.of(variants.size(), "variant"), days, Plural.of(seeds, "seed"), Plural.of(workers, "thread"),
                    (System.nanoTime() - started) / 1e9);
            Variants compared = new Variants(results);
            stdout.print(summary(results, compared));
            if (!report.objectives().isEmpty()) {
                stdout.println(cheapestMeeting(new SloVerdicts(results, compared, report.objectives())));
            }
            for (var identical : IdenticalVariants.of(results, compared)) {
                stdout.println("Note: " + IdenticalVariants.names(identical) + " gave identical results on every "
                        + "run (every metric, every day and seed): nothing here tells them apart.");
            }
            stdout.println();
            stdout.println("Wrote " + out + ": report.html (charts also in charts/), results.csv, "
                    + Provenance.FILE + ", timings.csv, " + ComparisonRunner.RUNS_FOLDER + "/ (each run's time series"
                    + (results.metricNames().contains("tasksArrived") && results.rows().stream()
                    .anyMatch(r -> Double.isFinite(r.metric("tasksArrived"))) ? " and task waits)" : ")"));
        }
    }

    /** The runs to come as a results table without metrics: enough to check a baseline or value before running. */
    private static ResultsTable planned(List<RunMatrix.Run> runs) {
        List<ResultsTable.Row> rows = new ArrayList<>();
        for (RunMatrix.Run run : runs) {
            Variant v = run.variant();
            rows.add(new ResultsTable.Row(run.scenario().name(), v.policy(), v.parameter(), v.value(), run.day(),
                    run.seed(), "", java.util.Map.of()));
        }
        return new ResultsTable(List.of(), rows);
    }

    /**
     * Results and the report know a variant by its scenario's name, policy and swept value: two scenario files of
     * one name, compared under the same policies, could not be told apart.
     */
    private static void refuseSharedNames(List<RunMatrix.Run> runs) {
        Map<List<String>, Set<Path>> files = new LinkedHashMap<>();
        for (RunMatrix.Run run : runs) {
            Variant v = run.variant();
            files.computeIfAbsent(List.of(run.scenario().name(), v.policy(), v.value()), k -> new LinkedHashSet<>())
                    .add(v.scenario());
        }
        List<String> shared = files.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getValue().stream().map(Path::toString).collect(Collectors.joining(" and "))
                        + " are both named '" + e.getKey().get(0) + "': give each scenario its own name (field "
                        + "'name') so that the results can tell them apart").distinct().toList();
        if (!shared.isEmpty()) {
            throw new BadInputException(String.join("\n", shared));
        }
    }

    private List<Variant> variants(SweepFile sweepFile) {
        List<Variant> variants = new ArrayList<>();
        List<String> common = ScenarioOptions.withScale(this.overrides, scale);
        if (sweepFile != null) {
            sweepFile.checkAgainst(readable(common));
        }
        for (Path scenario : scenarios) {
            String own = stem(scenario);
            if (sweepFile != null) {
                List<String> named = sweepFile.policies().isEmpty() ? List.of("") : sweepFile.policies();
                for (String policy : named) {
                    for (String value : sweepFile.values()) {
                        List<String> overrides = new ArrayList<>(common);
                        if (!policy.isEmpty()) {
                            overrides.addAll(StudyPolicies.overridesFor(policy));
                        }
                        overrides.add(sweepFile.parameter() + "=" + value);
                        variants.add(new Variant(scenario, policy.isEmpty() ? own : policy, sweepFile.parameter(),
                                value, overrides));
                    }
                }
            } else if (!policies.isEmpty()) {
                for (String policy : policies) {
                    List<String> overrides = new ArrayList<>(common);
                    overrides.addAll(StudyPolicies.overridesFor(policy));
                    variants.add(new Variant(scenario, policy.strip(), "", "", overrides));
                }
            } else {
                variants.add(new Variant(scenario, own, "", "", common));
            }
        }
        return variants;
    }


    /** The scenarios as the runs will read them; one that cannot be read is left for loading to report. */
    private List<ScenarioDocument> readable(List<String> common) {
        List<ScenarioDocument> documents = new ArrayList<>();
        for (Path scenario : scenarios) {
            try {
                documents.add(Overrides.apply(ScenarioDocument.parse(scenario), common));
            } catch (ScenarioException e) {
                // RunMatrix reports it with every other scenario's problems
            }
        }
        return documents;
    }

    private static String stem(Path scenario) {
        String name = scenario.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5)
                : name.endsWith(".yml") ? name.substring(0, name.length() - 4) : name;
    }

    private static String timings(List<RunMatrix.Run> runs, double[] wall) {
        StringBuilder csv = new StringBuilder("policy,parameter,value,day,seed,simWallSeconds\n");
        for (int i = 0; i < runs.size(); i++) {
            RunMatrix.Run run = runs.get(i);
            csv.append(String.join(",", run.variant().policy(), run.variant().parameter(), run.variant().value(),
                    run.day(), Long.toString(run.seed()), RunOutput.number(wall[i]))).append('\n');
        }
        return csv.toString();
    }

    /** The summary table as JSON: an array of one object per variant, each metric's mean under its own name. */
    private static String summaryJson(ResultsTable results, Variants variants) {
        List<Metric> measured = Metrics.measured(results);
        List<Metric> metrics = Metrics.HEADLINE.stream().map(name -> Metrics.named(name).orElseThrow())
                .filter(measured::contains).toList();
        ArrayNode array = JSON.createArrayNode();
        for (io.ldist.reports.Variant variant : variants.all()) {
            List<ResultsTable.Row> rows = variants.rowsOf(variant);
            ObjectNode object = array.addObject();
            object.put("policy", variant.series());
            object.put("value", variant.value());
            object.put("runs", rows.size());
            for (Metric metric : metrics) {
                double mean = rows.stream().mapToDouble(r -> r.metric(metric.name())).filter(x -> !Double.isNaN(x))
                        .average().orElse(Double.NaN);
                if (Double.isNaN(mean)) {
                    object.putNull(metric.name());
                } else {
                    object.put(metric.name(), mean);
                }
            }
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the summary holds plain data", e);
        }
    }

    /** Mean of the headline metrics per variant, as a quick look before the report. */
    private static String summary(ResultsTable results, Variants variants) {
        List<Metric> measured = Metrics.measured(results);
        List<Metric> metrics = Metrics.HEADLINE.stream().map(name -> Metrics.named(name).orElseThrow())
                .filter(measured::contains).toList();
        List<String> names = variants.all().stream()
                .map(v -> v.series() + (v.value().isEmpty() ? "" : " " + v.value())).toList();
        // Columns widen for a long heading or policy name, so that no two run together.
        int nameWidth = Math.max(24, names.stream().mapToInt(String::length).max().orElse(0));
        List<String> headings = metrics.stream()
                .map(m -> m.label() + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")")).toList();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-" + nameWidth + "s %5s",
                "policy (mean)", "runs"));
        for (String heading : headings) {
            text.append(' ').append(padLeft(heading, 14));
        }
        text.append('\n');
        for (int v = 0; v < names.size(); v++) {
            List<ResultsTable.Row> rows = variants.rowsOf(variants.all().get(v));
            text.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %5d", names.get(v), rows.size()));
            for (int i = 0; i < metrics.size(); i++) {
                Metric metric = metrics.get(i);
                double mean = rows.stream().mapToDouble(r -> r.metric(metric.name())).filter(x -> !Double.isNaN(x))
                        .average().orElse(Double.NaN);
                text.append(' ').append(padLeft(metric.format(mean), Math.max(14, headings.get(i).length())));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The line under the summary that answers the objectives, as the report's section does. */
    private static String cheapestMeeting(SloVerdicts verdicts) {
        String objectives = String.join(", ", verdicts.slos().stream().map(Object::toString).toList());
        if (!verdicts.costMeasured()) {
            List<String> meeting = verdicts.verdicts().stream().filter(SloVerdicts.Verdict::meetsAll)
                    .map(v -> v.variant().label()).toList();
            return "Meeting " + objectives + " on every run: " + (meeting.isEmpty() ? "none" : String.join(", ", meeting))
                    + " (no cost measured, so none is named the cheapest)";
        }
        return verdicts.cheapestMeetingAll().map(v -> "Cheapest meeting " + objectives + " on every run: "
                        + v.variant().label() + ", mean cost " + Metrics.named(SloVerdicts.COST).orElseThrow()
                        .format(v.meanCost()) + " USD")
                .orElse("No variant meets " + objectives + " on every run");
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}

package io.ldist.cli;

import io.ldist.engine.anomaly.AnomalyDetector;
import io.ldist.engine.anomaly.AnomalyDetectorFactory;
import io.ldist.engine.anomaly.AnomalyInjector;
import io.ldist.engine.anomaly.AnomalyKind;
import io.ldist.engine.anomaly.AnomalySetup;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.util.NearestName;
import io.ldist.scenario.trace.UtilizationTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Every anomaly detector on every series of a trace folder with labelled anomalies planted in it: precision,
 * recall, F1, delay and false alarms per day, by kind of anomaly.
 * <p>
 * Each kind is planted on its own (a run per series, kind and detector, the series' copy holding only anomalies of
 * that kind), so that a kind's false alarms are its own; the {@code all} row pools the counts of those runs. An
 * alarm is a maximal run of consecutive flagged samples; it is a true positive when its first flag lies in
 * [start, end + {@value #TOLERANCE}] of a planted anomaly not matched yet, else a false alarm. A planted anomaly no
 * alarm matched is missed.
 */
@Command(name = "anomaly-eval", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n",
        footer = "  ldist anomaly-eval TRACE_DIR --detectors robust-z,isolation-forest --seed 1 --out out/anomaly",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a trace folder, an option, "
                + "an output folder in the way", "1:failure: a full disk, among others"},
        description = "Plant labelled anomalies (seeded) in every series of a PlanetLab trace folder, one kind at a "
                + "time, run each detector on them, and write OUT/anomaly.csv: detector,kind,precision,recall,f1,"
                + "mean_delay_samples,false_alarms_per_day (one row per detector and kind, and an 'all' row per "
                + "detector). An alarm is a run of consecutive flagged samples; it is a hit when its first flag lies "
                + "within an anomaly or up to 3 samples after it. Exit 2 for bad input.")
final class AnomalyEvalCommand implements Callable<Integer> {
    /** Samples after an anomaly's end within which an alarm still counts as catching it. */
    static final int TOLERANCE = 3;
    /** No anomaly starts before this many samples (four hours at 5 min): the history detectors learn from first. */
    static final int EARLIEST_START = 48;
    /** Normal samples at least between two planted anomalies (an hour at 5 min), more than {@link #TOLERANCE}. */
    static final int GAP = 12;
    static final String ALL = "all";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE_DIR", description = "A folder of PlanetLab trace files (288 samples "
            + "of integer CPU %% at 5 min each).")
    Path traces;

    @Option(names = "--detectors", split = ",", paramLabel = "DETECTOR",
            description = "Anomaly detectors, as ldist policies lists them, with their default parameters "
                    + "(default: all).")
    List<String> detectors;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = "Kinds of anomaly to plant: spike, level-shift, stuck-at, drift (default: all).")
    List<String> kinds;

    @Option(names = "--seed", paramLabel = "N", description = "Of the planted anomalies and of the detectors' own "
            + "random choices (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--injections-per-series", paramLabel = "N", description = "Anomalies to plant per series and "
            + "kind; fewer when the series has no room for them (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    int injections;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty output folder.")
    boolean force;

    /** What the runs of one detector on one kind add up to. */
    static final class Tally {
        long planted;
        long hits;
        long falseAlarms;
        long delaySum;
        long samples;

        void add(Tally other) {
            planted += other.planted;
            hits += other.hits;
            falseAlarms += other.falseAlarms;
            delaySum += other.delaySum;
            samples += other.samples;
        }

        long missed() {
            return planted - hits;
        }
    }

    @Override
    public Integer call() {
        if (injections < 1) {
            throw new BadInputException("--injections-per-series: expected a whole number >= 1, found " + injections);
        }
        List<String> chosen = detectorNames();
        List<AnomalyKind> chosenKinds = kindList();
        List<AnomalyDetectorFactory> factories = new ArrayList<>();
        for (String name : chosen) {
            factories.add(Policies.ANOMALY_DETECTORS.create(PolicyChoice.of(name), PolicyContext.DEFAULT));
        }
        UtilizationTrace trace = TraceFolders.readPlanetLab(traces);
        double[][] series = new double[trace.seriesCount()][trace.samples()];
        for (int s = 0; s < series.length; s++) {
            for (int t = 0; t < trace.samples(); t++) {
                series[s][t] = trace.sample(s, t);
            }
        }
        double intervalS = trace.intervalS();

        try (OutputFolder output = OutputFolder.claim(out, force)) {
            // tallies[d][k]: detector d on kind k, summed over the series (integer sums: the order does not matter).
            Tally[][] tallies = new Tally[chosen.size()][chosenKinds.size()];
            for (int d = 0; d < chosen.size(); d++) {
                for (int k = 0; k < chosenKinds.size(); k++) {
                    AnomalyDetectorFactory factory = factories.get(d);
                    AnomalyKind kind = chosenKinds.get(k);
                    Tally[] perSeries = IntStream.range(0, series.length).parallel()
                            .mapToObj(s -> evaluate(series[s], s, kind, factory, intervalS))
                            .toArray(Tally[]::new);
                    Tally total = new Tally();
                    for (Tally t : perSeries) {
                        total.add(t);
                    }
                    tallies[d][k] = total;
                }
            }
            String csv = table(chosen, chosenKinds, tallies, intervalS, trace);
            Files.writeString(output.staging().resolve("anomaly.csv"), csv, StandardCharsets.UTF_8);
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("%nwrote %s%n", out.resolve("anomaly.csv"));
        return 0;
    }

    private String table(List<String> chosen, List<AnomalyKind> chosenKinds, Tally[][] tallies, double intervalS,
                         UtilizationTrace trace) {
        PrintWriter screen = spec.commandLine().getOut();
        long planted = 0;
        for (Tally t : tallies[0]) {
            planted += t.planted;
        }
        screen.printf(Locale.ROOT, "%s: %d series of %d samples, up to %d anomalies of each kind per series (%d "
                        + "planted in all), seed %d; a hit is an alarm starting in an anomaly or up to %d samples "
                        + "after it%n", traces, trace.seriesCount(), trace.samples(), injections, planted, seed,
                TOLERANCE);
        screen.printf("%n  %-18s %-12s %9s %7s %7s %11s %15s%n", "detector", "kind", "precision", "recall", "F1",
                "mean delay", "false alarms/d");
        StringBuilder csv = new StringBuilder("detector,kind,precision,recall,f1,mean_delay_samples,"
                + "false_alarms_per_day\n");
        for (int d = 0; d < chosen.size(); d++) {
            Tally all = new Tally();
            for (int k = 0; k <= chosenKinds.size(); k++) {
                Tally t;
                String kind;
                if (k < chosenKinds.size()) {
                    t = tallies[d][k];
                    all.add(t);
                    kind = chosenKinds.get(k).label();
                } else {
                    t = all;
                    kind = ALL;
                }
                double precision = ratio(t.hits, t.hits + t.falseAlarms);
                double recall = ratio(t.hits, t.planted);
                double f1 = ratio(2 * t.hits, 2 * t.hits + t.falseAlarms + t.missed());
                double delay = ratio(t.delaySum, t.hits);
                double days = t.samples * intervalS / 86_400;
                double perDay = days > 0 ? t.falseAlarms / days : Double.NaN;
                csv.append(chosen.get(d)).append(',').append(kind).append(',').append(cell(precision)).append(',')
                        .append(cell(recall)).append(',').append(cell(f1)).append(',').append(cell(delay))
                        .append(',').append(cell(perDay)).append('\n');
                screen.printf(Locale.ROOT, "  %-18s %-12s %9s %7s %7s %11s %15s%n", chosen.get(d), kind,
                        shown(precision), shown(recall), shown(f1), shown(delay), shown(perDay));
            }
        }
        return csv.toString();
    }

    /** NaN when the denominator is 0: the measure is undefined (a precision with no alarm). */
    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    /** An undefined measure is an empty cell. */
    private static String cell(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String shown(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** One detector on one series with anomalies of one kind planted in it. */
    private Tally evaluate(double[] values, int series, AnomalyKind kind, AnomalyDetectorFactory factory,
                           double intervalS) {
        AnomalyInjector injector = new AnomalyInjector(List.of(kind), injections, EARLIEST_START, GAP, 0, 1);
        // Seeded by series and kind, not by their place in the lists: every detector sees the same planted series,
        // and the same kind on the same series is planted the same way whatever else --kinds names.
        AnomalyInjector.Injected injected = injector.inject(values, mix(seed, series, kind.ordinal()));
        AnomalyDetector detector = factory.create(AnomalySetup.utilisation(intervalS, mix(seed, series, -1)));
        boolean[] flagged = new boolean[values.length];
        double[] sample = new double[1];
        for (int t = 0; t < values.length; t++) {
            sample[0] = injected.values()[t];
            flagged[t] = detector.update(t, sample).anomalous();
        }
        Tally tally = score(flagged, injected.labels());
        tally.samples = values.length;
        return tally;
    }

    /** Matches the alarms of {@code flagged} to the labels (in time order, which do not overlap) by the rule above. */
    static Tally score(boolean[] flagged, List<AnomalyInjector.Label> labels) {
        Tally tally = new Tally();
        tally.planted = labels.size();
        boolean[] matched = new boolean[labels.size()];
        for (int t = 0; t < flagged.length; t++) {
            if (!flagged[t] || (t > 0 && flagged[t - 1])) {
                continue; // not the first flag of an alarm
            }
            boolean hit = false;
            for (int a = 0; a < labels.size(); a++) {
                AnomalyInjector.Label label = labels.get(a);
                if (!matched[a] && t >= label.start() && t <= label.end() + TOLERANCE) {
                    matched[a] = true;
                    hit = true;
                    tally.hits++;
                    tally.delaySum += t - label.start();
                    break;
                }
            }
            if (!hit) {
                tally.falseAlarms++;
            }
        }
        return tally;
    }

    /** SplitMix64's finaliser over the seed and two coordinates: well-spread seeds for neighbouring series. */
    private static long mix(long seed, long a, long b) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xC2B2AE3D27D4EB4FL * (b + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private List<String> detectorNames() {
        List<String> known = Policies.ANOMALY_DETECTORS.names();
        if (detectors == null) {
            return known;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String written : detectors) {
            String name = written.strip();
            if (!Policies.ANOMALY_DETECTORS.has(name)) {
                throw new BadInputException("--detectors: expected one of " + String.join(", ", known) + ", found '"
                        + name + "'" + NearestName.didYouMean(known, name).map(hint -> "; " + hint).orElse(""));
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private List<AnomalyKind> kindList() {
        if (kinds == null) {
            return List.of(AnomalyKind.values());
        }
        LinkedHashSet<AnomalyKind> chosen = new LinkedHashSet<>();
        for (String written : kinds) {
            AnomalyKind kind = AnomalyKind.byLabel(written).orElseThrow(() -> new BadInputException(
                    "--kinds: expected one of " + String.join(", ", AnomalyKind.labels()) + ", found '"
                            + written.strip() + "'" + NearestName.didYouMean(AnomalyKind.labels(), written.strip())
                            .map(hint -> "; " + hint).orElse("")));
            chosen.add(kind);
        }
        return List.copyOf(chosen);
    }

}

package io.ldist.cli;

import io.ldist.engine.forecast.ForecasterFactory;
import io.ldist.engine.forecast.RollingEvaluation;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every forecaster on every series of a trace folder, by rolling origin: errors and interval coverage. */
@Command(name = "forecast-eval", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist forecast-eval TRACE_DIR --horizons 5m,30m --out out/forecast",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a trace folder, an option, an output folder in the way", "1:failure: a full disk, among others"},
        description = "Forecast every series of a PlanetLab trace folder with each method, by rolling origin (each "
                + "forecast from the samples before it only), and write OUT/forecast.csv: "
                + "method,horizon,mae,rmse,coverage (errors in CPU percentage points, coverage of the interval at "
                + "--confidence as a fraction). Exit 2 for bad input.")
final class ForecastEvalCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h)");
    /** The hour a moving average needs to be itself: scored origins have at least this much history. */
    private static final double WARMUP_S = 3600;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE_DIR", description = "A folder of PlanetLab trace files (288 samples "
            + "of integer CPU %% at 5 min each).")
    Path traces;

    @Option(names = "--horizons", split = ",", paramLabel = "DURATION",
            description = "How far ahead, multiples of the trace's 5 min (default: ${DEFAULT-VALUE}).",
            defaultValue = "5m,15m,30m,60m")
    List<String> horizons;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            description = "Forecasters, as ldist policies lists them (default: all).")
    List<String> methods;

    @Option(names = "--confidence", description = "Of the prediction intervals (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.9")
    double confidence;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty output folder.")
    boolean force;

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new BadInputException("--confidence: expected a share between 0 and 1 (exclusive), found "
                    + confidence);
        }
        List<String> chosen = methods == null ? Policies.FORECASTERS.names() : methods;
        List<ForecasterFactory> factories = new ArrayList<>();
        for (String method : chosen) {
            if (!Policies.FORECASTERS.has(method)) {
                throw new BadInputException("--methods: expected one of " + String.join(", ",
                        Policies.FORECASTERS.names()) + ", found '" + method + "'"
                        + NearestName.didYouMean(Policies.FORECASTERS.names(), method).map(hint -> "; " + hint)
                        .orElse(""));
            }
            factories.add(Policies.FORECASTERS.create(PolicyChoice.of(method), PolicyContext.DEFAULT));
        }
        UtilizationTrace trace = TraceFolders.readPlanetLab(traces);
        int[] steps = horizonSteps(trace.intervalS());
        double[][] series = new double[trace.seriesCount()][trace.samples()];
        for (int s = 0; s < series.length; s++) {
            for (int t = 0; t < trace.samples(); t++) {
                series[s][t] = trace.sample(s, t);
            }
        }
        int warmup = (int) Math.ceil(WARMUP_S / trace.intervalS());
        int perDay = (int) Math.round(86_400 / trace.intervalS());
        StringBuilder csv = new StringBuilder("method,horizon,mae,rmse,coverage\n");
        PrintWriter screen = spec.commandLine().getOut();
        screen.printf("%s: %d series of %d samples, rolling origin, scored from %d samples of history, %.0f %% "
                + "intervals%n", traces, series.length, trace.samples(), warmup, confidence * 100);
        screen.printf("%n  %-16s %8s %8s %8s %9s%n", "method", "horizon", "MAE", "RMSE", "coverage");
        for (int m = 0; m < chosen.size(); m++) {
            RollingEvaluation.Score[] scores = RollingEvaluation.evaluate(series, steps, warmup, confidence, 0, 1,
                    100, perDay, factories.get(m));
            for (int k = 0; k < scores.length; k++) {
                String horizon = horizons.get(k).strip();
                csv.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%.4f%n", chosen.get(m), horizon,
                        scores[k].mae(), scores[k].rmse(), scores[k].coverage()));
                screen.printf(Locale.ROOT, "  %-16s %8s %8.3f %8.3f %9.3f%n", chosen.get(m), horizon,
                        scores[k].mae(), scores[k].rmse(), scores[k].coverage());
            }
        }
        try (OutputFolder output = OutputFolder.claim(out, force)) {
            Files.writeString(output.staging().resolve("forecast.csv"), csv, StandardCharsets.UTF_8);
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
        screen.printf("%nwrote %s%n", out.resolve("forecast.csv"));
        return 0;
    }


    private int[] horizonSteps(double intervalS) {
        int[] steps = new int[horizons.size()];
        for (int i = 0; i < steps.length; i++) {
            String written = horizons.get(i).strip();
            Matcher m = DURATION.matcher(written);
            if (!m.matches()) {
                throw new BadInputException("--horizons: expected durations such as 5m, 1h or 900s, found '"
                        + written + "'");
            }
            double seconds = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                default -> 3600;
            };
            double samples = seconds / intervalS;
            if (samples < 1 || Math.abs(samples - Math.rint(samples)) > 1e-9) {
                throw new BadInputException("--horizons: expected a multiple of the trace's sampling interval ("
                        + Math.round(intervalS) + " s), found '" + written + "'");
            }
            steps[i] = (int) Math.rint(samples);
        }
        return steps;
    }
}

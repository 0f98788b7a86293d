package io.ldist.cli.compare;

import io.ldist.reports.ResultsTable;
import io.ldist.reports.RunWaits;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventLog;
import io.ldist.sim.record.RunOutput;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a comparison's independent runs in parallel, one simulation per thread at a time, and gathers the
 * results in the matrix's order (not completion order), so the same comparison gives the same file. Each run's
 * time series is written, as it finishes, into the folder given (inside the comparison's staging folder).
 */
final class ComparisonRunner {
    private ComparisonRunner() {
    }

    /** What a comparison produced: the results, and each run's simulation wall time (same order). */
    record Outcome(ResultsTable results, double[] wallSeconds) { }

    /** Folder, inside the results folder, that holds each run's time series. */
    static final String RUNS_FOLDER = "runs";

    /**
     * @param staging  folder to write the time series into; results.csv names them as in
     *                 {@value #RUNS_FOLDER}/
     */
    static Outcome run(List<RunMatrix.Run> runs, int threads, Path staging, IntConsumer finished) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ldist-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                RunMatrix.Run run = runs.get(i);
                String file = timeseriesFile(i, run);
                futures.add(pool.submit(() -> {
                    SimulationResult result = new Simulation(run.scenario().spec(),
                            run.scenario().newEngine(), EventLog.NONE, null).run();
                    RunOutput.writeTimeseries(staging.resolve(file), result.timeseries());
                    result.waitDistribution().ifPresent(waits ->
                            RunOutput.writeWaits(staging.resolve(RunWaits.fileBeside(file)), waits));
                    finished.accept(1);
                    return result;
                }));
            }
            List<ResultsTable.Row> rows = new ArrayList<>();
            double[] walls = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                SimulationResult result = futures.get(i).get();
                rows.add(row(runs.get(i), RUNS_FOLDER + "/" + timeseriesFile(i, runs.get(i)), result));
                walls[i] = result.simWallSeconds();
            }
            // Every metric some run measured, in first-seen order: runs with rolling updates or affinity rules report
            // metrics that other runs do not, and a run without a metric leaves its cell empty.
            Set<String> measured = new LinkedHashSet<>();
            rows.forEach(row -> measured.addAll(row.metrics().keySet()));
            List<String> metrics = new ArrayList<>(measured);
            return new Outcome(new ResultsTable(metrics, rows), walls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("comparison interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory above all: ldist says what to do about it
            }
            throw new IllegalStateException("a run failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A file name that says which run it is, numbered so that no two runs share one. */
    private static String timeseriesFile(int index, RunMatrix.Run run) {
        Variant v = run.variant();
        String name = v.policy() + (v.value().isEmpty() ? "" : "-" + v.value())
                + (run.day().isEmpty() ? "" : "-" + run.day()) + "-seed" + run.seed();
        return String.format(Locale.ROOT, "%04d-%s.csv", index + 1, name.replaceAll("[^A-Za-z0-9._-]+", "_"));
    }

    private static ResultsTable.Row row(RunMatrix.Run run, String timeseries, SimulationResult result) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        result.summary().forEach((name, value) -> metrics.put(name, value.doubleValue()));
        Variant v = run.variant();
        return new ResultsTable.Row(run.scenario().name(), v.policy(), v.parameter(), v.value(), run.day(),
                run.seed(), timeseries, metrics);
    }
}

package io.ldist.engine.bench;

import io.ldist.engine.forecast.Forecast;
import io.ldist.engine.forecast.ForecastSetup;
import io.ldist.engine.forecast.Forecaster;
import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One forecasting decision over 10,000 VMs' CPU series, for a forecaster of the registry with its default
 * parameters: each series takes its next 5-minute sample and is forecast an hour ahead (the longest horizon its
 * residuals are kept for) with a 90 % interval. The series are flat levels with noise and short spikes, as
 * PlanetLab VMs' are; each forecaster has seen a day of them before the first measured decision. Run by
 * docs/bench/jmh.sh; figures in docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ForecastBenchmark {
    private static final int HORIZON = 12;
    private static final int CYCLE = 256;

    @Param({"holt-winters", "median", "ar", "selector"})
    public String forecaster;

    @Param("10000")
    public int series;

    private Forecaster model;
    /** [time mod CYCLE][series]. */
    private double[][] samples;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        samples = new double[CYCLE][series];
        for (int s = 0; s < series; s++) {
            double level = random.nextDouble(0.02, 0.6);
            for (int t = 0; t < CYCLE; t++) {
                if (random.nextDouble() < 0.01) {
                    level = random.nextDouble(0.02, 0.6);
                }
                double spike = random.nextDouble() < 0.05 ? random.nextDouble(0, 0.4) : 0;
                double v = level + spike + random.nextDouble(-0.02, 0.02);
                samples[t][s] = Math.max(0, Math.min(1, Math.rint(v * 100) / 100));
            }
        }
        model = Policies.FORECASTERS.create(PolicyChoice.of(forecaster), PolicyContext.DEFAULT)
                .create(ForecastSetup.utilisation(series, HORIZON, 300));
        for (int t = 0; t < 288; t++) {
            decision();
        }
    }

    /**
     * The same decision timed by the thread's CPU time rather than by the wall clock, for a shared machine whose
     * neighbours take the cores away: for each forecaster named, 200 untimed decisions after the set-up's day,
     * then the mean CPU and wall milliseconds of the next {@code -Dldist.bench.decisions} (150).
     */
    public static void main(String[] forecasters) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int decisions = Integer.getInteger("ldist.bench.decisions", 150);
        for (String name : forecasters) {
            ForecastBenchmark bench = new ForecastBenchmark();
            bench.forecaster = name;
            bench.series = 10_000;
            bench.setUp();
            for (int i = 0; i < 200; i++) {
                bench.decision();
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < decisions; i++) {
                bench.decision();
            }
            System.out.printf(Locale.ROOT, "%-14s cpu %6.1f ms/decision, wall %6.1f ms/decision%n", name,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / decisions,
                    (System.nanoTime() - wall) / 1e6 / decisions);
        }
    }

    @Benchmark
    public double decision() {
        double[] now = samples[next++ % CYCLE];
        double sum = 0;
        for (int s = 0; s < now.length; s++) {
            model.update(s, now[s]);
            Forecast f = model.forecast(s, HORIZON, 0.9);
            sum += f.upper();
        }
        return sum;
    }
}

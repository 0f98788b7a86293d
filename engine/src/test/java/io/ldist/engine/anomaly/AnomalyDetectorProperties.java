package io.ldist.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ldist.engine.registry.Policies;
import io.ldist.engine.registry.PolicyChoice;
import io.ldist.engine.registry.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** What every detector promises, checked on each one the registry holds, and the isolation forest's own. */
class AnomalyDetectorProperties {
    private static AnomalyDetector detector(String name, int dimensions, long seed) {
        return Policies.ANOMALY_DETECTORS.create(PolicyChoice.of(name), PolicyContext.DEFAULT)
                .create(new AnomalySetup(dimensions, 0, 1, 288, seed));
    }

    private static List<Boolean> flags(AnomalyDetector detector, double[][] samples) {
        List<Boolean> flags = new ArrayList<>();
        for (int t = 0; t < samples.length; t++) {
            flags.add(detector.update(t, samples[t]).anomalous());
        }
        return flags;
    }

    @Property(tries = 40)
    void robustZFlagsNothingOnAConstantSeries(@ForAll @DoubleRange(min = 0, max = 1) double level,
                                              @ForAll @IntRange(min = 1, max = 3) int dimensions) {
        assertNothingFlaggedOnAConstant("robust-z", level, dimensions, 1);
    }

    @Property(tries = 40)
    void outsideIntervalFlagsNothingOnAConstantSeries(@ForAll @DoubleRange(min = 0, max = 1) double level,
                                                      @ForAll @IntRange(min = 1, max = 3) int dimensions) {
        assertNothingFlaggedOnAConstant("outside-interval", level, dimensions, 1);
    }

    @Property(tries = 20)
    void isolationForestFlagsNothingOnAConstantSeries(@ForAll @DoubleRange(min = 0, max = 1) double level,
                                                      @ForAll @IntRange(min = 1, max = 3) int dimensions,
                                                      @ForAll long seed) {
        assertNothingFlaggedOnAConstant("isolation-forest", level, dimensions, seed);
    }

    private static void assertNothingFlaggedOnAConstant(String name, double level, int dimensions, long seed) {
        double[][] samples = new double[288][dimensions];
        for (double[] sample : samples) {
            java.util.Arrays.fill(sample, level);
        }
        assertThat(flags(detector(name, dimensions, seed), samples)).as(name).doesNotContain(true);
    }

    @Property(tries = 20)
    void isolationForestFindsATenSigmaSpike(@ForAll long seed, @ForAll @IntRange(min = 150, max = 250) int at) {
        SplittableRandom noise = new SplittableRandom(seed);
        double sigma = 0.02;
        double[][] samples = new double[288][1];
        for (int t = 0; t < samples.length; t++) {
            samples[t][0] = 0.4 + sigma * gaussian(noise) + (t == at ? 10 * sigma : 0);
        }
        List<Boolean> flags = flags(detector("isolation-forest", 1, seed), samples);
        assertThat(flags.get(at)).as("the spike at " + at).isTrue();
    }

    @Property(tries = 20)
    void sameSamplesAndSeedGiveTheSameVerdicts(@ForAll("names") String name, @ForAll long seed) {
        SplittableRandom values = new SplittableRandom(seed);
        double[][] samples = new double[200][2];
        for (double[] sample : samples) {
            sample[0] = values.nextDouble();
            sample[1] = values.nextDouble();
        }
        AnomalyDetector a = detector(name, 2, seed);
        AnomalyDetector b = detector(name, 2, seed);
        for (int t = 0; t < samples.length; t++) {
            assertThat(a.update(t, samples[t])).isEqualTo(b.update(t, samples[t]));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of(Policies.ANOMALY_DETECTORS.names());
    }

    @Test
    void robustZAndOutsideIntervalFindALevelShift() {
        SplittableRandom noise = new SplittableRandom(7);
        double[][] samples = new double[288][1];
        for (int t = 0; t < samples.length; t++) {
            samples[t][0] = 0.3 + 0.01 * gaussian(noise) + (t >= 200 && t < 230 ? 0.3 : 0);
        }
        for (String name : List.of("robust-z", "outside-interval")) {
            List<Boolean> flags = flags(detector(name, 1, 1), samples);
            assertThat(flags.subList(200, 206)).as(name).contains(true);
            assertThat(flags.subList(0, 200).stream().filter(f -> f).count()).as(name + " false alarms")
                    .isLessThan(5);
        }
    }

    @Test
    void samplesOutOfOrderOrOfTheWrongWidthAreRefused() {
        AnomalyDetector detector = detector("robust-z", 2, 1);
        detector.update(5, new double[] {0.1, 0.2});
        assertThatThrownBy(() -> detector.update(5, new double[] {0.1, 0.2}))
                .hasMessage("samples must come in order: index 5 after 5");
        assertThatThrownBy(() -> detector.update(6, new double[] {0.1}))
                .hasMessage("expected 2 values, found 1");
        assertThatThrownBy(() -> detector.update(7, new double[] {0.1, Double.NaN}))
                .hasMessage("value 1 at index 7 must be finite, was NaN");
    }

    @Test
    void parametersOutOfRangeAreRefusedNamingTheRange() {
        assertThatThrownBy(() -> Policies.ANOMALY_DETECTORS.create(new PolicyChoice("isolation-forest",
                Map.of("threshold", 1.5)), PolicyContext.DEFAULT))
                .hasMessage("anomaly.isolation-forest.threshold must be a number in (0, 1), was 1.5");
        AnomalyDetectorFactory tooFew = Policies.ANOMALY_DETECTORS.create(new PolicyChoice("outside-interval",
                Map.of("residuals", 50)), PolicyContext.DEFAULT);
        assertThatThrownBy(() -> tooFew.create(AnomalySetup.utilisation(300, 1)))
                .hasMessageContaining("residuals must be >= 99 for a 0.99 interval");
    }

    @Test
    void everyDetectorBuildsWithItsDefaults() {
        for (String name : Policies.ANOMALY_DETECTORS.names()) {
            assertThat(detector(name, 1, 1).dimensions()).as(name).isEqualTo(1);
        }
        assertThat(Policies.ANOMALY_DETECTORS.names()).containsExactly("robust-z", "outside-interval",
                "isolation-forest");
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, kept explicit.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

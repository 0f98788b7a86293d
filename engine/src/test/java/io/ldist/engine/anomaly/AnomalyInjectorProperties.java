package io.ldist.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnomalyInjectorProperties {
    private static final AnomalyInjector INJECTOR = new AnomalyInjector(List.of(AnomalyKind.values()), 4, 20, 6, 0,
            1);

    private static double[] series(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameAnomalies(@ForAll @Size(min = 0, max = 300) List<@DoubleRange(min = 0, max = 1)
            Double> values, @ForAll long seed) {
        AnomalyInjector.Injected a = INJECTOR.inject(series(values), seed);
        AnomalyInjector.Injected b = INJECTOR.inject(series(values), seed);
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.values()).containsExactly(b.values());
    }

    @Property(tries = 200)
    void labelsNeverOverlapNorTouchAndStayInTheSeries(@ForAll @IntRange(min = 0, max = 400) int length,
                                                      @ForAll long seed) {
        double[] values = new double[length];
        java.util.Arrays.fill(values, 0.5);
        List<AnomalyInjector.Label> labels = INJECTOR.inject(values, seed).labels();
        for (int i = 0; i < labels.size(); i++) {
            AnomalyInjector.Label label = labels.get(i);
            assertThat(label.start()).isGreaterThanOrEqualTo(20);
            assertThat(label.end()).isLessThan(length);
            if (i > 0) {
                assertThat(label.start()).as(labels.toString()).isGreaterThan(labels.get(i - 1).end() + 6);
            }
        }
    }

    @Property(tries = 100)
    void onlyTheLabelledSamplesChangeAndAllStayInTheRange(@ForAll @Size(min = 100, max = 300)
            List<@DoubleRange(min = 0, max = 1) Double> values, @ForAll long seed) {
        double[] original = series(values);
        AnomalyInjector.Injected injected = INJECTOR.inject(original, seed);
        for (int t = 0; t < original.length; t++) {
            int time = t;
            boolean labelled = injected.labels().stream().anyMatch(l -> l.start() <= time && time <= l.end());
            if (!labelled) {
                assertThat(injected.values()[t]).isEqualTo(original[t]);
            }
            assertThat(injected.values()[t]).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aFlatSeriesGetsVisibleAnomaliesOfEveryKindAsked() {
        double[] flat = new double[2000];
        java.util.Arrays.fill(flat, 0.1);
        AnomalyInjector many = new AnomalyInjector(List.of(AnomalyKind.values()), 30, 0, 5, 0, 1);
        AnomalyInjector.Injected injected = many.inject(flat, 3);
        assertThat(injected.labels().stream().map(AnomalyInjector.Label::kind).distinct())
                .containsExactlyInAnyOrder(AnomalyKind.values());
        for (AnomalyInjector.Label label : injected.labels()) {
            double moved = Math.abs(injected.values()[label.end()] - 0.1);
            if (label.kind() == AnomalyKind.STUCK_AT) {
                assertThat(moved).isZero(); // stuck at the flat value: invisible on a flat series, by nature
            } else {
                assertThat(moved).as(label.toString()).isGreaterThanOrEqualTo(0.15 - 1e-12);
            }
        }
    }

    @Test
    void noKindsIsRefused() {
        assertThatThrownBy(() -> new AnomalyInjector(List.of(), 1, 0, 0, 0, 1))
                .hasMessage("expected at least one kind of anomaly");
    }
}

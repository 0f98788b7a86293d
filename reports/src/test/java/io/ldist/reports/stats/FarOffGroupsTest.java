package io.ldist.reports.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FarOffGroupsTest {
    private static double[][] group(double x, double y) {
        return new double[][] {{x, x + 10}, {y, y + 1}};
    }

    @Test
    void oneGroupFourTimesFurther_isLeftOut() {
        // The rest span 100..140 of 100..810 in x: 0.06 of the range.
        List<double[][]> groups = List.of(group(100, 5), group(110, 6), group(130, 5), group(800, 0));
        assertThat(FarOffGroups.of(groups)).containsExactly(3);
    }

    @Test
    void twoFarGroupsTogether_bothLeftOut() {
        List<double[][]> groups = List.of(group(100, 5), group(800, 0), group(110, 6), group(130, 5),
                group(120, 6), group(790, 0));
        assertThat(FarOffGroups.of(groups)).containsExactly(1, 5);
    }

    @Test
    void spreadEvenly_nothingLeftOut() {
        List<double[][]> groups = List.of(group(100, 5), group(200, 6), group(300, 5), group(400, 7));
        assertThat(FarOffGroups.of(groups)).isEmpty();
    }

    @Test
    void twoGroups_neitherIsTheOutlier() {
        assertThat(FarOffGroups.of(List.of(group(100, 5), group(800, 0)))).isEmpty();
    }

    @Test
    void aGroupWithoutPoints_neverLeftOut() {
        List<double[][]> groups = List.of(group(100, 5), new double[][] {{}, {}}, group(110, 6), group(120, 5));
        assertThat(FarOffGroups.of(groups)).isEmpty();
    }

    @Test
    void onlyGroupWithPoints_neverLeftOut() {
        // Policies without a value for the metric leave one with points: nothing would remain to show.
        List<double[][]> groups = List.of(new double[][] {{}, {}}, new double[][] {{}, {}}, group(100, 5));
        assertThat(FarOffGroups.of(groups)).isEmpty();
    }

    @Test
    void aCloserViewOfOnePoint_notMade() {
        // Leaving either run out would leave a single point to zoom on.
        double[][] none = {{}, {}};
        List<double[][]> groups = List.of(new double[][] {{100}, {5}}, new double[][] {{800}, {0}}, none, none, none);
        assertThat(FarOffGroups.of(groups)).isEmpty();
    }
}

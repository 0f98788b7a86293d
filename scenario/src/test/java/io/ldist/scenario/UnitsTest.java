package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({
            "300, 300", "300s, 300", "5m, 300", "5 m, 300", "5min, 300", "1.5h, 5400",
            "24h, 86400", "2d, 172800", "250ms, 0.25", "' 90s ', 90", "1e3s, 1000"})
    void durationText_parsedToSeconds(String text, double seconds) {
        assertThat(Units.DURATION.parse(text)).isCloseTo(seconds, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({
            "4096, 4096", "4GiB, 4096", "870MiB, 870", "1.5GiB, 1536", "1TiB, 1048576", "512KiB, 0.5",
            "1GB, 953.67431640625", "1000MB, 953.67431640625", "2 GiB, 2048"})
    void sizeText_parsedToMebibytes(String text, double mebibytes) {
        assertThat(Units.SIZE.parse(text)).isCloseTo(mebibytes, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"1Gbps, 1000", "100Mbps, 100", "10Gbit/s, 10000", "250, 250", "500kbps, 0.5"})
    void bandwidthText_parsedToMegabitsPerSecond(String text, double megabits) {
        assertThat(Units.BANDWIDTH.parse(text)).isCloseTo(megabits, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"80%, 0.8", "0.8, 0.8", "100 %, 1", "0, 0"})
    void fractionText_parsedToFraction(String text, double fraction) {
        assertThat(Units.FRACTION.parse(text)).isCloseTo(fraction, within(1e-12));
    }

    @Test
    void unknownUnit_refusedListingUnitsWithSuggestion() {
        InvalidQuantityException refusal = catchThrowableOfType(InvalidQuantityException.class,
                () -> Units.DURATION.parse("5mins"));

        assertThat(refusal).hasMessage("expected a duration with unit ms, s, m, min, h or d, found '5mins';"
                + " did you mean 'min'?");
        assertThat(refusal.hint()).contains("did you mean 'min'?");
    }

    @Test
    void wrongCaseSizeUnit_refusedSuggestingTheRightCase() {
        assertThatThrownBy(() -> Units.SIZE.parse("4gib"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("expected a size with unit KiB, MiB, GiB, TiB, kB, MB, GB or TB, found '4gib';"
                        + " did you mean 'GiB'?");
    }

    @Test
    void notANumber_refusedWithExamples() {
        assertThatThrownBy(() -> Units.DURATION.parse("NaN"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("expected a duration such as 300, 90s, 250ms, 5m, 1.5h or 2d, found 'NaN'");
    }

    @Test
    void negativeValue_refusedByDefault() {
        assertThatThrownBy(() -> Units.BANDWIDTH.parse("-1Gbps"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("expected a non-negative bandwidth, found '-1Gbps'");
    }

    @Test
    void negativeValue_acceptedWhenAllowed() {
        assertThat(Units.DURATION.parse("-5m", true)).isEqualTo(-300.0);
    }

    @Test
    void overflowingValue_refusedAsNotFinite() {
        assertThatThrownBy(() -> Units.SIZE.parse("1e308TiB"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessage("expected a finite size, found '1e308TiB'");
    }

    @Test
    void refusedQuantityInDocument_reportedAtItsField() {
        ScenarioDocument document = ScenarioDocument.parse("workload:\n  duration: 5x\n", "scenarios/x.yaml");
        String text = document.root().at("/workload/duration").asText();

        InvalidQuantityException refusal = catchThrowableOfType(InvalidQuantityException.class,
                () -> Units.DURATION.parse(text));

        assertThat(refusal.problemAt(document, "/workload/duration").format())
                .isEqualTo("scenarios/x.yaml:2:3: workload.duration: expected a duration with unit"
                        + " ms, s, m, min, h or d, found '5x'");
    }
}

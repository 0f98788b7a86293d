package io.ldist.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class UnitsProperties {

    /** A unit as written, and how many base units one of it is (independent of the table in {@link Units}). */
    record Unit(Units kind, String symbol, double inBaseUnits) {
    }

    @Property
    void writtenQuantity_parsesToNumberTimesUnit(@ForAll("units") Unit unit,
                                                 @ForAll @DoubleRange(min = 0, max = 1e6) double number,
                                                 @ForAll boolean spaced) {
        String text = String.format(Locale.ROOT, "%s%s%s", number, spaced ? " " : "", unit.symbol());

        assertThat(unit.kind().parse(text)).isCloseTo(number * unit.inBaseUnits(), withinPercentage(1e-9));
    }

    @Property
    void negativeQuantity_refusedUnlessAllowed(@ForAll("units") Unit unit,
                                               @ForAll @DoubleRange(min = 0.01, max = 1e6) double number) {
        String text = String.format(Locale.ROOT, "-%s%s", number, unit.symbol());

        assertThatThrownBy(() -> unit.kind().parse(text)).isInstanceOf(InvalidQuantityException.class);
        assertThat(unit.kind().parse(text, true)).isCloseTo(-number * unit.inBaseUnits(), withinPercentage(1e-9));
    }

    @Provide
    Arbitrary<Unit> units() {
        double mib = 1024 * 1024;
        return Arbitraries.of(
                new Unit(Units.DURATION, "", 1), new Unit(Units.DURATION, "ms", 0.001),
                new Unit(Units.DURATION, "s", 1), new Unit(Units.DURATION, "m", 60),
                new Unit(Units.DURATION, "h", 3600), new Unit(Units.DURATION, "d", 86400),
                new Unit(Units.SIZE, "", 1), new Unit(Units.SIZE, "MiB", 1), new Unit(Units.SIZE, "GiB", 1024),
                new Unit(Units.SIZE, "TiB", mib), new Unit(Units.SIZE, "GB", 1e9 / mib), new Unit(Units.SIZE, "MB", 1e6 / mib),
                new Unit(Units.BANDWIDTH, "", 1), new Unit(Units.BANDWIDTH, "Mbps", 1),
                new Unit(Units.BANDWIDTH, "Gbps", 1000), new Unit(Units.BANDWIDTH, "Gbit/s", 1000),
                new Unit(Units.FRACTION, "", 1), new Unit(Units.FRACTION, "%", 0.01));
    }
}

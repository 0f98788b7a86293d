package io.ldist.reports.stats;

import io.ldist.engine.util.NearestName;

import java.util.List;

/** The paired tests a report can use, by name. */
public final class PairedTests {
    private static final List<PairedTest> ALL = List.of(new WilcoxonSignedRankTest(), new PairedTTest());

    private PairedTests() {
    }

    public static List<String> names() {
        return ALL.stream().map(PairedTest::name).toList();
    }

    public static PairedTest named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--test: no test '" + name + "'"
                        + NearestName.didYouMean(names(), name).map(h -> "; " + h).orElse("")
                        + " (tests: " + String.join(", ", names()) + ")"));
    }
}

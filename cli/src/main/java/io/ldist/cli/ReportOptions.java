package io.ldist.cli;

import io.ldist.cli.compare.ParameterUnits;
import io.ldist.reports.ComparisonReport;
import io.ldist.reports.ReportFiles;
import io.ldist.reports.ResultsTable;
import io.ldist.reports.Slo;
import io.ldist.reports.SloVerdicts;
import io.ldist.reports.Variants;
import io.ldist.reports.stats.PairedTest;
import io.ldist.reports.stats.PairedTests;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a comparison's report is made: shared by {@code compare}, which writes one, and {@code report}. */
public final class ReportOptions {
    @Option(names = "--baseline", paramLabel = "POLICY",
            description = "The policy the others are tested against (default: the first).")
    String baseline;

    @Option(names = "--test", paramLabel = "TEST", defaultValue = "wilcoxon",
            description = "Paired test against the baseline: wilcoxon (signed-rank, the default) or paired-t.")
    String test;

    @Option(names = "--run", paramLabel = "DAY[/SEED]",
            description = "The day (and seed) whose runs the time-series chart shows (default: the first).")
    String run;

    /** The test, refused before any work when its name is unknown. */
    public PairedTest pairedTest() {
        try {
            return PairedTests.named(test);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Option(names = "--run-value", paramLabel = "VALUE",
            description = "In a sweep, the value of the swept parameter whose runs the time-series chart shows "
                    + "(default: the first).")
    String runValue;

    @Option(names = "--slo", split = ",", paramLabel = "METRIC<=VALUE",
            description = "A service-level objective every run of a variant must meet, such as p95WaitS<=60 "
                    + "(repeatable, or comma-separated; operators <=, <, >=, >; the value in the metric's unit in "
                    + "results.csv): the report names the cheapest variant that meets them all.")
    List<String> slos = new ArrayList<>();

    /** The objectives, refused before any work when one cannot be read. */
    public List<Slo> objectives() {
        try {
            return slos.stream().map(Slo::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** Refuses objectives on metrics none of {@code results} measured: no variant could meet them. */
    public void checkMeasured(ResultsTable results) {
        List<String> unmeasured = SloVerdicts.unmeasured(results, objectives());
        if (!unmeasured.isEmpty()) {
            throw new BadInputException(String.join("\n", unmeasured));
        }
    }

    /** Refuses a baseline, run or swept value these results (or the runs planned) do not have, before any work. */
    public void checkAgainst(ResultsTable planned) {
        objectives();
        try {
            Variants variants = new Variants(planned);
            variants.baseline(baseline);
            if (run != null) {
                variants.run(run);
            }
            if (runValue != null) {
                variants.sweptValue(runValue);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * Builds the report of the results in {@code folder} (whose time series and provenance it reads), then writes
     * report.html and its charts into {@code into}.
     */
    public void writeReport(ResultsTable results, Path folder, Path into) {
        PairedTest chosen = pairedTest();
        ComparisonReport.Built built;
        try {
            built = new ComparisonReport(results, baseline, chosen, ParameterUnits::of, ProvenanceFile.read(folder),
                    objectives())
                    .build(folder, run, runValue);
        } catch (IllegalArgumentException | ResultsTable.FormatException e) {
            throw new BadInputException(e.getMessage());
        }
        ReportFiles.write(into, built);
    }
}

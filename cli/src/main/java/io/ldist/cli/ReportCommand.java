package io.ldist.cli;

import io.ldist.reports.ReportFiles;
import io.ldist.reports.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Rebuilds a comparison's report from its results, running nothing. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist report out/max-hosts --slo p95WaitS<=60",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:done", "2:bad input: a folder without a readable results.csv, an option, an objective it cannot answer", "1:failure: a full disk, among others"},
        description = "Build report.html (and its charts as PNG and SVG in charts/) from the results.csv that "
                + "ldist compare wrote in DIR, without running anything.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A folder written by ldist compare.")
    Path folder;

    @Mixin
    ReportOptions report;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        report.pairedTest();
        report.objectives();
        if (Files.isDirectory(folder)) {
            // Bad results, or objectives they cannot answer, refused at once, touching nothing (not even the lock
            // file beside the folder).
            report.checkMeasured(results());
        }
        // The new report is staged and swapped in with the rest of the folder, so that the folder is never half
        // rebuilt (see OutputFolder); reopening also undoes a swap that a killed compare or report cut short.
        ResultsTable results;
        try (OutputFolder output = OutputFolder.reopen(folder,
                folder + ": no such folder (give the --out folder of ldist compare)")) {
            results = results();
            // Said once, from the read the report is built from, even with --quiet: what the report leaves out.
            Notices.print(spec.commandLine().getErr(), results.notices());
            report.writeReport(results, folder, output.staging());
            TestPause.at("report-written");
            output.commit();
        }
        if (!quiet) {
            spec.commandLine().getOut().println("Wrote " + folder.resolve(ReportFiles.REPORT) + " ("
                    + results.rows().size() + " runs; charts as PNG and SVG in " + folder.resolve("charts") + ")");
        }
        return 0;
    }

    private ResultsTable results() {
        try {
            return ResultsTable.read(folder.resolve("results.csv"));
        } catch (ResultsTable.FormatException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}

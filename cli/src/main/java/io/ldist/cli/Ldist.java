package io.ldist.cli;

import io.ldist.scenario.ScenarioException;
import io.ldist.cli.compare.CompareCommand;
import io.ldist.cli.live.LiveCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ldist command. Exit codes: 0 done, 2 bad input (a scenario, a trace, an option, an output folder in the
 * way or in use by another run, a live journal held by another run), 1 failure (a full disk, an AWS endpoint that
 * does not answer, missing credentials among them).
 */
@Command(name = "ldist", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        description = "Load distributor for cloud fleets: simulate scenarios, compare policies, run a live fleet.",
        subcommands = {SimulateCommand.class, ValidateCommand.class, CompareCommand.class, ReportCommand.class,
                BenchCommand.class,
                PoliciesCommand.class, CatalogueCommand.class, ForecastEvalCommand.class, AnomalyEvalCommand.class,
                io.ldist.cli.planning.PlanFleetCommand.class,
                LiveCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Ldist {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn off screen, also where a display exists
        int code;
        try {
            code = run(args);
        } catch (OutOfMemoryError e) {
            System.err.println("ldist: out of memory (" + e.getMessage() + "); give Java a larger heap, for example "
                    + "LDIST_JAVA_OPTS=-Xmx8g ./ldist ... (the largest fleets of --scale need a few GiB)");
            code = FAILURE;
        }
        System.exit(code);
    }

    /** Runs ldist with the given arguments on standard output and error; returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs ldist with the given arguments, printing results to {@code out} and messages to {@code err}
     * (progress bars, shown only on a terminal, still go to standard error); returns the exit code.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new Ldist());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(Ldist::handle);
        line.setParameterExceptionHandler((e, a) -> {
            PrintWriter messages = e.getCommandLine().getErr();
            messages.println("ldist: " + e.getMessage() + nearest(e).map(hint -> "; " + hint).orElse(""));
            e.getCommandLine().usage(messages);
            messages.flush();
            return BAD_INPUT;
        });
        return line.execute(args);
    }

    /** For a misspelt option or subcommand, the nearest one the command has ("did you mean 'simulate'?"). */
    private static Optional<String> nearest(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String first = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> candidates = new ArrayList<>();
        if (first.startsWith("-")) {
            spec.options().forEach(option -> candidates.addAll(List.of(option.names())));
            first = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        } else {
            candidates.addAll(spec.subcommands().keySet());
        }
        return io.ldist.engine.util.NearestName.didYouMean(candidates, first);
    }

    private static int handle(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof ScenarioException || e instanceof BadInputException) {
            err.println(e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof FailureException) {
            err.println(e.getMessage());
            err.flush();
            return FAILURE;
        }
        var diskFull = DiskFull.message(e);
        if (diskFull.isPresent()) {
            err.println(diskFull.get());
            err.flush();
            return FAILURE;
        }
        err.println("ldist: failed: " + e);
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            err.println("    at " + trace[i]);
        }
        err.flush();
        return FAILURE;
    }

    /** The version every command answers to --version with. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ldist " + RunInfo.version()};
        }
    }
}

package io.ldist.cli.live;

import io.ldist.cli.Ldist;
import io.ldist.cli.BadInputException;
import io.ldist.live.LiveConfig;
import io.ldist.live.api.ApiSettings;
import io.ldist.live.api.DistributorApi;
import io.ldist.live.loop.LiveDistributor;
import io.ldist.live.record.DecisionRecorder;
import io.ldist.live.record.RecordedTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code ldist live run}: the reconcile loop and the task API. Safe by default: without {@code --apply} each round's
 * plan is logged and nothing is changed. Stops gracefully on SIGINT or SIGTERM: the round under way finishes, then
 * the API stops and the journal is closed (its lock released).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist live run --config scenarios/live/moto-demo.yaml --once",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:stopped on a signal, or (--once) the round succeeded", "2:bad input: the config, an option, a journal held by another run", "1:failure: (--once) the round failed; an AWS endpoint that does not answer, missing credentials"},
        description = "Keep the cluster reconciled: every interval observe, decide, check the caps and (with --apply) "
                + "apply; serve the task API meanwhile. Logs one line per round to standard error and to "
                + "<stateDir>/live.log. With --once: one round, exit 0 when it observed, was not refused and no "
                + "action failed, else 1.")
final class LiveRunCommand implements Callable<Integer> {
    /** How long a signal waits for the round under way before the JVM exits anyway. */
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Mixin
    LiveOptions options = new LiveOptions();

    @Option(names = "--apply", description = "Apply each plan. Without it this is a dry run: plans are only logged.")
    boolean apply;

    @Option(names = "--once", description = "Run one round, then exit (status says whether it succeeded).")
    boolean once;

    @Option(names = "--record", paramLabel = "DIR", description = "Record what the engine is shown and decides, "
            + "and the tasks, into DIR (a new folder), for ldist live replay DIR and ldist simulate DIR/scenario.yaml.")
    Path record;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LiveConfig config = options.load();
        ApiSettings apiSettings = apiSettings(config);
        StopSignal stop = new StopSignal();
        Thread hook = new Thread(() -> stop.requestAndAwait(STOP_PATIENCE), "ldist-live-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RoundLog log = new RoundLog(err);
             LiveSession session = LiveSession.open(config, apply ? LiveSession.Mode.APPLY
                     : LiveSession.Mode.DRY_RUN, log::line)) {
            log.alsoTo(config.stateDir().resolve("live.log"));
            DecisionRecorder recorder = startRecording(session.distributor());
            DistributorApi api = startApi(session.distributor(), apiSettings);
            try {
                log.line("ldist live run: cluster " + config.cluster() + ", journal " + config.stateDir()
                        + ", API on " + api.uri() + ", " + (apply ? "APPLYING plans"
                        : "dry run (plans are logged, not applied; add --apply to apply them)"));
                return loop(session.distributor(), config, log, stop);
            } finally {
                api.stop();
                if (recorder != null) {
                    finishRecording(recorder, session.distributor(), config, log);
                }
            }
        } finally {
            stop.finished();
            if (!stop.isRequested()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private int loop(LiveDistributor distributor, LiveConfig config, RoundLog log, StopSignal stop) {
        Duration interval = Duration.ofMillis(Math.round(config.intervalS() * 1000));
        for (int number = 1; ; number++) {
            RoundResult round = RoundResult.reconcile(number, distributor);
            log.line(round.line());
            if (once) {
                return round.succeeded() ? 0 : 1;
            }
            if (stop.isRequested() || stop.awaitRequest(interval)) {
                log.line("stopping after round " + number + " (signal received)");
                return 0;
            }
        }
    }

    private DecisionRecorder startRecording(LiveDistributor distributor) {
        if (record == null) {
            return null;
        }
        try {
            DecisionRecorder recorder = new DecisionRecorder(record);
            distributor.addListener(recorder);
            return recorder;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new BadInputException("--record: " + e.getMessage());
        }
    }

    /** Ends the recording: its trace and the scenario that replays it, written once the API has stopped. */
    private void finishRecording(DecisionRecorder recorder, LiveDistributor distributor, LiveConfig config,
                                 RoundLog log) {
        RecordedTrace.Summary summary = distributor.withFleet(recorder::finish);
        Path scenario = RecordingScenario.write(options.config, options.allOverrides(), config, summary, record);
        log.line("recorded " + recorder.calls() + " engine calls and " + summary.tasks() + " tasks into " + record
                + ": check them with ldist live replay " + record + ", simulate them with ldist simulate " + scenario);
    }

    private static DistributorApi startApi(LiveDistributor distributor, ApiSettings settings) {
        try {
            return new DistributorApi(distributor, settings).start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException("ldist live: " + e.getMessage());
        }
    }

    /** The API's settings from the config's binding, with the bearer token read from its file. */
    private ApiSettings apiSettings(LiveConfig config) {
        LiveConfig.ApiBinding binding = config.api();
        String token = null;
        if (binding.tokenFile() != null) {
            try {
                token = Files.readString(binding.tokenFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new BadInputException(options.config + ": live.api.tokenFile " + binding.tokenFile()
                        + " cannot be read: " + e.getMessage());
            }
        }
        try {
            return new ApiSettings(binding.host(), binding.port(), token, binding.maxBodyBytes(),
                    binding.defaultLeaseS(), ApiSettings.DEFAULT_RETRY_AFTER_S, ApiSettings.DEFAULT_STOP_TIMEOUT_MS);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(options.config + ": live.api: " + e.getMessage());
        }
    }
}

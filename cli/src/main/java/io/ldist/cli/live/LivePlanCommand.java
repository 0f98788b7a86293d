package io.ldist.cli.live;

import io.ldist.cli.Ldist;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ldist.live.LiveConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code ldist live plan}: one observation and one decision, shown and never applied. It reads the journal without
 * its lock, so it also works beside a {@code live run}, and it makes no mutating AWS call (the distributor is built
 * in dry-run mode, whose only calls are reads).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = Ldist.Version.class,
        footerHeading = "%nExample:%n", footer = "  ldist live plan --config scenarios/live/moto-demo.yaml --json",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the plan was printed", "2:bad input: the config, an option", "1:failure: an AWS endpoint that does not answer, missing credentials"},
        description = "Observe the cluster once, decide, check the plan against the safety caps and print it "
                + "(each action, its target and why; refused plans with the caps that refused them). Never applies "
                + "anything; works beside a running 'ldist live run'.")
final class LivePlanCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    LiveOptions options = new LiveOptions();

    @Option(names = "--json", description = "Print the plan as JSON (the shape of the API's GET /plan).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveConfig config = options.load();
        RoundResult round;
        try (LiveSession session = LiveSession.open(config, LiveSession.Mode.PLAN, line -> err.println(line))) {
            round = RoundResult.reconcile(1, session.distributor());
        }
        if (round.observeError() != null) {
            throw LiveSession.unreachable(config, round.observeError());
        }
        if (json) {
            out.println(JSON.writeValueAsString(round.plan()));
        } else {
            out.println("cluster " + config.cluster() + " (" + (config.endpoint() != null ? config.endpoint()
                    : config.region()) + "), hypervisor " + config.hypervisor());
            PlanTable.print(round.plan(), out);
        }
        return 0;
    }
}

package io.ldist.sim;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.DisruptionBudget;
import io.ldist.engine.decide.FleetRules;
import io.ldist.engine.model.VmStatus;
import io.ldist.engine.update.AbortRule;
import io.ldist.engine.update.BatchRule;
import io.ldist.engine.update.HostSelector;
import io.ldist.engine.update.UpdateRequest;
import io.ldist.sim.kernel.Simulation;
import io.ldist.sim.kernel.SimulationResult;
import io.ldist.sim.record.EventRow;
import io.ldist.scenario.spec.ScheduledUpdate;
import io.ldist.scenario.spec.SimulationSpec;
import io.ldist.sim.world.VirtualFleet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling updates over whole simulated runs, task streams (with scaling, crashes, a flaky server) and VM traces
 * (with consolidation), with the fleet's invariants checked after every plan (so no VM or task is lost or
 * duplicated, and no server holds anything while it is updating): no more servers are out for the update at
 * once than the batch rule and the disruption budget allow, only selected servers are updated, each at most
 * once, and an update that ends without being aborted has updated every selected server that did not fail first.
 */
class RollingUpdateProperties {

    /** An update of a random batch rule, pause, downtime and disruption budget cap. */
    record Update(double atS, BatchRule batch, double pauseS, double downtimeS, AbortRule abort, int budgetCap) {
        ScheduledUpdate scheduled() {
            return new ScheduledUpdate(atS, new UpdateRequest(HostSelector.ALL, batch, pauseS, downtimeS, abort));
        }

        /** The disruption budget the run's fleet rules carry: at most {@code budgetCap} servers, 0 for none. */
        DisruptionBudget budget() {
            return budgetCap == 0 ? null : new DisruptionBudget(1.0, budgetCap);
        }
    }

    @Provide
    Arbitrary<Update> updates() {
        Arbitrary<BatchRule> batch = Arbitraries.oneOf(Arbitraries.integers().between(1, 3).map(BatchRule::ofSize),
                Arbitraries.of(0.5, 0.75, 0.9).map(BatchRule::minHealthy));
        Arbitrary<AbortRule> abort = Arbitraries.of(AbortRule.NONE, new AbortRule(120, Double.NaN, Double.NaN),
                new AbortRule(Double.NaN, 0, Double.NaN), new AbortRule(Double.NaN, Double.NaN, 0.2));
        return Combinators.combine(Arbitraries.of(0.0, 600.0, 1500.0), batch, Arbitraries.of(0.0, 120.0),
                Arbitraries.of(60.0, 600.0), abort, Arbitraries.integers().between(0, 2)).as(Update::new);
    }

    @Provide
    Arbitrary<SimulationProperties.TaskRun> taskRuns() {
        return new SimulationProperties().taskRuns();
    }

    @Provide
    Arbitrary<SimulationProperties.TraceRun> traceRuns() {
        return new SimulationProperties().traceRuns();
    }

    /** The run with the update and its budget, invariants checked after every plan, and the update's rules. */
    private static SimulationResult runWithTheUpdate(SimulationSpec withoutUpdate, EngineSettings settings,
                                                     Update update, List<EventRow> events) {
        SimulationSpec spec = withoutUpdate.withUpdates(List.of(update.scheduled()));
        EngineSettings budgeted = settings.withRules(new FleetRules(settings.rules().maxVmsPerHost(),
                settings.rules().sizing(), update.budget()));
        SimulationResult result = new Simulation(spec, budgeted.newEngine(true), events::add, null)
                .checkingInvariantsAfterEveryPlan().run();
        assertThat(result.endStateConsistent()).isTrue();
        checkTheUpdate(events, update, result);
        return result;
    }

    @Property(tries = 60)
    void taskRunsWithAnUpdate_updateWithinTheRules(@ForAll("taskRuns") SimulationProperties.TaskRun run,
                                                   @ForAll("updates") Update update) {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = runWithTheUpdate(run.spec(), run.engine(), update, events);
    }

    @Property(tries = 60)
    void traceRunsWithAnUpdate_updateWithinTheRules_andLoseNoVm(@ForAll("traceRuns") SimulationProperties.TraceRun run,
                                                               @ForAll("updates") Update update) {
        List<EventRow> events = new ArrayList<>();
        SimulationResult result = runWithTheUpdate(run.spec(), run.engine(), update, events);
        VirtualFleet fleet = result.finalFleet();
        long finished = events.stream().filter(e -> e.kind().equals("VmFinished")).count();
        long elsewhere = 0;
        for (int v = 0; v < fleet.vmCount(); v++) {
            elsewhere += fleet.vmStatus(v) != VmStatus.FINISHED ? 1 : 0;
        }
        assertThat(fleet.vmCount()).isEqualTo(run.vms());
        assertThat(elsewhere + finished).as("every VM is somewhere or finished, once").isEqualTo(run.vms());
    }

    /** What every run with an update must show in its events and summary. */
    private static void checkTheUpdate(List<EventRow> events, Update update, SimulationResult result) {
        List<Integer> selected = null;
        Map<Integer, Integer> updates = new HashMap<>();
        Set<Integer> out = new HashSet<>();
        Set<Integer> failed = new HashSet<>();
        Set<Integer> back = new HashSet<>();
        boolean aborted = false;
        boolean finished = false;
        int mostOut = 0;
        for (EventRow e : events) {
            if (e.kind().equals("RollingUpdate")) {
                switch (e.reason()) {
                    case "STARTED" -> selected = hostsOf(e);
                    case "ABORTED" -> aborted = true;
                    case "FINISHED" -> finished = true;
                    default -> { }
                }
            } else if (e.kind().equals("UpdateHost")) {
                assertThat(selected).as("an update starts before it updates").isNotNull();
                assertThat(selected).as("only selected servers are updated").contains(e.host());
                assertThat(updates.merge(e.host(), 1, Integer::sum)).as("host-" + e.host() + " updated once")
                        .isEqualTo(1);
                out.add(e.host());
                mostOut = Math.max(mostOut, out.size());
            } else if (e.kind().equals("HostUpdated")) {
                assertThat(out.remove(e.host())).as("host-" + e.host() + " comes back from an update").isTrue();
                back.add(e.host());
            } else if (e.kind().equals("FenceHost")) {
                out.remove(e.host());
                failed.add(e.host());
            }
        }
        if (selected == null) {
            return; // asked for too late to start (every run's last decision is before its end)
        }
        int perBatch = update.batch().serversPerBatch(selected.size());
        int allowed = update.budgetCap() == 0 ? perBatch : Math.min(perBatch, update.budgetCap());
        assertThat(mostOut).as("servers out for the update at once").isLessThanOrEqualTo(allowed);
        if (finished && !aborted) {
            for (int h : selected) {
                assertThat(back.contains(h) || failed.contains(h))
                        .as("host-" + h + " was updated, or failed before its turn").isTrue();
            }
        }
        assertThat(finished || result.summary().get("updatesUnfinished").intValue() == 1).isTrue();
        assertThat(result.summary().get("serversUpdated").intValue()).isEqualTo(back.size());
        Statistics.label("update").collect(finished ? aborted ? "aborted" : "done" : "unfinished");
        Statistics.label("servers updated").collect(back.isEmpty() ? "none" : "some");
        // Most runs must really update servers, or the property proves little about batches.
        Statistics.label("servers updated").coverage(coverage -> coverage.check("some").percentage(p -> p > 50));
    }

    /** The servers a note names: its detail ends with "; servers 1 2 3". */
    private static List<Integer> hostsOf(EventRow note) {
        String detail = note.detail();
        int at = detail.lastIndexOf("; servers ");
        List<Integer> hosts = new ArrayList<>();
        if (at >= 0) {
            for (String h : detail.substring(at + "; servers ".length()).split(" ")) {
                hosts.add(Integer.parseInt(h));
            }
        }
        return hosts;
    }

}

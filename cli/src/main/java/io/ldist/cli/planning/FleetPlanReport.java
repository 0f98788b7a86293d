package io.ldist.cli.planning;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ldist.engine.model.HostType;
import io.ldist.engine.sizing.FleetPlan;
import io.ldist.engine.sizing.LowerBound;
import io.ldist.engine.sizing.PlannedServer;
import io.ldist.engine.sizing.SizingProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sized fleet as the planner prints it: a table by type, or JSON with the whole assignment. */
record FleetPlanReport(String scenario, SizingProblem problem, FleetPlan plan, LowerBound bound, double seconds,
                       double boundSeconds, double percentile, long seed, int iterations) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String text() {
        StringBuilder text = new StringBuilder();
        String limit = problem.maxVmsPerHost() == Integer.MAX_VALUE ? "no VM limit per server"
                : "at most " + problem.maxVmsPerHost() + " VMs per server";
        text.append(String.format(Locale.ROOT, "Fleet plan for %s: %d VMs at p%s CPU, %s; solver %s%s%n%n",
                scenario, problem.vmCount(), number(percentile), limit, plan.solver(),
                plan.solver().equals("jsprit") ? " (seed " + seed + ", " + iterations + " iterations)" : ""));
        text.append(String.format(Locale.ROOT, "%-24s %8s %8s %11s %10s%n", "type", "servers", "VMs", "USD/h each",
                "USD/h"));
        int[] servers = new int[problem.typeCount()];
        int[] vms = new int[problem.typeCount()];
        for (PlannedServer server : plan.servers()) {
            servers[server.type()]++;
            vms[server.type()] += server.vms().length;
        }
        for (int t = 0; t < servers.length; t++) {
            if (servers[t] > 0) {
                HostType type = problem.types().get(t);
                text.append(String.format(Locale.ROOT, "%-24s %8d %8d %11.4f %10.2f%n", type.name(), servers[t],
                        vms[t], problem.price(t), servers[t] * problem.price(t)));
            }
        }
        text.append(String.format(Locale.ROOT, "%-24s %8d %8d %11s %10.2f%n%n", "total", plan.servers().size(),
                Arrays.stream(vms).sum(), "", plan.costPerHour(problem)));
        text.append(String.format(Locale.ROOT, "lower bound %.2f USD/h (cardinality %.2f, per resource %.2f, "
                        + "LP relaxation %.2f, configuration LP %.2f); gap %.1f %%%n", bound.best(),
                bound.cardinality(), bound.perResource(), bound.linearRelaxation(), bound.configuration(),
                gapPercent()));
        text.append(String.format(Locale.ROOT, "solved in %.2f s, bound in %.2f s; %d VMs no server type can hold%n",
                seconds, boundSeconds, plan.unplaced().size()));
        if (!plan.unplaced().isEmpty()) {
            text.append("left out: ").append(String.join(", ", names(plan.unplaced()))).append('\n');
        }
        return text.toString();
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", scenario);
        root.put("solver", plan.solver());
        root.put("seed", seed);
        root.put("iterations", iterations);
        root.put("percentile", percentile);
        root.put("vms", problem.vmCount());
        root.put("maxVmsPerHost", problem.maxVmsPerHost() == Integer.MAX_VALUE ? null : problem.maxVmsPerHost());
        root.put("costPerHour", round(plan.costPerHour(problem)));
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("best", round(bound.best()));
        bounds.put("cardinality", round(bound.cardinality()));
        bounds.put("perResource", round(bound.perResource()));
        bounds.put("linearRelaxation", round(bound.linearRelaxation()));
        bounds.put("configuration", round(bound.configuration()));
        root.put("lowerBound", bounds);
        root.put("gapPct", round(gapPercent()));
        root.put("seconds", round(seconds));
        root.put("boundSeconds", round(boundSeconds));
        root.put("hosts", plan.serversByType(problem));
        List<Map<String, Object>> assignment = new ArrayList<>();
        for (PlannedServer server : plan.servers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", problem.types().get(server.type()).name());
            entry.put("vms", names(Arrays.stream(server.vms()).boxed().toList()));
            assignment.add(entry);
        }
        root.put("servers", assignment);
        root.put("unplaced", names(plan.unplaced()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("a fleet plan is plain data", e);
        }
    }

    private double gapPercent() {
        return bound.gapPercent(plan.costPerHour(problem));
    }

    private List<String> names(List<Integer> vms) {
        return vms.stream().map(v -> problem.vms().get(v).name()).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

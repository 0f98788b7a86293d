package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.affinity.AffinityContradiction;
import io.ldist.engine.affinity.AffinityRule;
import io.ldist.engine.affinity.AffinityRules;
import io.ldist.engine.decide.FleetRules;
import io.ldist.scenario.spec.VmTraceWorkload;
import io.ldist.scenario.spec.Workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code affinity} section: rules that select VMs of a vm-trace workload by series glob and replica, split
 * them into groups, and keep each group together or apart. Everything a run could not honour is refused here,
 * where the rule was written: a glob that selects no series, a replica beyond the scale, groups of one VM, a hard
 * together group the VM limit cannot hold, hard rules that contradict each other.
 */
final class AffinitySection {
    private static final String AT = "/affinity";

    private final ReadingContext context;
    private final FieldReader in;

    AffinitySection(ReadingContext context) {
        this.context = context;
        this.in = context.in;
    }

    /** The rules, {@link AffinityRules#NONE} without the section, or null when a problem was found. */
    AffinityRules read(Workload workload, int maxVms) {
        if (!in.has(AT) || in.size(AT) == 0) {
            return AffinityRules.NONE;
        }
        if (context.taskWorkload) {
            in.problem(AT, "no affinity rules with a task workload (they select the VMs of a vm-trace workload; "
                    + "task VMs are made and removed by the engine)", Phrases.describe(in.node(AT)));
            return null;
        }
        if (!(workload instanceof VmTraceWorkload trace) || !context.soundlyRead("affinity")) {
            return null; // the workload or the rules are refused already: checking against them would only repeat it
        }
        int problemsBefore = in.problems().size();
        List<AffinityRule> groups = new ArrayList<>();
        List<Integer> ruleOfGroup = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < in.size(AT); i++) {
            String at = AT + "/" + i;
            String name = in.text(at + "/name", "rule-" + i);
            if (!names.add(name)) {
                in.problem(at + "/name", "a name no other affinity rule has", "'" + name + "', used twice");
            }
            for (AffinityRule group : readRule(at, name, trace, maxVms)) {
                groups.add(group);
                ruleOfGroup.add(i);
            }
        }
        if (in.problems().size() > problemsBefore) {
            return null;
        }
        if (!noContradiction(groups, ruleOfGroup, trace)) {
            return null;
        }
        return new AffinityRules(groups);
    }

    private List<AffinityRule> readRule(String at, String name, VmTraceWorkload trace, int maxVms) {
        AffinityRule.Kind kind = "together".equals(in.text(at + "/rule", "apart")) ? AffinityRule.Kind.TOGETHER
                : AffinityRule.Kind.APART;
        double weight = in.has(at + "/weight") ? in.number(at + "/weight", 1) : AffinityRule.HARD;
        if (in.has(at + "/weight") && !(weight > 0 && weight <= 1)) {
            in.problem(at + "/weight", "a weight in (0, 1] for a soft rule (leave it out for a hard one)",
                    Phrases.describe(in.node(at + "/weight")));
            return List.of();
        }
        List<Integer> series = selectedSeries(at, trace);
        List<Integer> replicas = selectedReplicas(at);
        if (series.isEmpty() || replicas.isEmpty()) {
            return List.of();
        }
        String groupBy = in.text(at + "/groupBy", "none");
        int n = trace.trace().seriesCount();
        List<AffinityRule> groups = new ArrayList<>();
        if (groupBy.equals("series")) {
            for (int s : series) {
                int[] members = replicas.stream().mapToInt(r -> r * n + s).toArray();
                groups.add(members.length < 2 ? null
                        : new AffinityRule(name + "[" + trace.trace().name(s) + "]", kind, weight, members));
            }
        } else if (groupBy.equals("replica")) {
            for (int r : replicas) {
                int[] members = series.stream().mapToInt(s -> r * n + s).toArray();
                groups.add(members.length < 2 ? null
                        : new AffinityRule(name + "[replica " + r + "]", kind, weight, members));
            }
        } else {
            int[] members = replicas.stream().flatMap(r -> series.stream().map(s -> r * n + s))
                    .mapToInt(Integer::intValue).toArray();
            groups.add(members.length < 2 ? null : new AffinityRule(name, kind, weight, members));
        }
        if (groups.contains(null)) {
            // All groups of a rule are the same size, so one of one VM means all are.
            in.problem(at, "groups of at least two VMs to keep " + kind.name().toLowerCase(java.util.Locale.ROOT),
                    "groups of one VM (" + series.size() + " series x " + replicas.size() + " replicas, groupBy: "
                            + groupBy + ")");
            return List.of();
        }
        int size = groups.get(0).memberCount();
        if (kind == AffinityRule.Kind.TOGETHER && weight == AffinityRule.HARD && maxVms != FleetRules.NO_VM_LIMIT
                && size > maxVms) {
            in.problem(at, "hard together groups of at most fleet.maxVmsPerHost (" + maxVms + ") VMs, or a weight "
                    + "to make the rule soft", "groups of " + size + " VMs, which no server may hold");
            return List.of();
        }
        return groups;
    }

    private List<Integer> selectedSeries(String at, VmTraceWorkload trace) {
        int n = trace.trace().seriesCount();
        String pointer = at + "/series";
        List<String> globs = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        JsonNode node = in.node(pointer);
        if (node == null) {
            globs.add("*");
            pointers.add(pointer);
        } else if (node.isArray()) {
            for (int j = 0; j < node.size(); j++) {
                globs.add(node.get(j).asText());
                pointers.add(pointer + "/" + j);
            }
        } else {
            globs.add(node.asText());
            pointers.add(pointer);
        }
        Set<Integer> selected = new TreeSet<>();
        for (int j = 0; j < globs.size(); j++) {
            Pattern pattern = glob(globs.get(j));
            int before = selected.size();
            boolean matched = false;
            for (int s = 0; s < n; s++) {
                if (pattern.matcher(trace.trace().name(s)).matches()) {
                    matched = true;
                    selected.add(s);
                }
            }
            if (!matched) {
                in.problem(pointers.get(j), "a series name or glob matching at least one of the trace's " + n
                        + " series (such as '" + trace.trace().name(0) + "')", "'" + globs.get(j)
                        + "', which matches none");
            } else if (selected.size() == before) {
                context.notices.add("affinity rule at " + in.document().fieldPath(pointers.get(j))
                        + " selects no series the rule's other globs did not");
            }
        }
        return new ArrayList<>(selected);
    }

    private List<Integer> selectedReplicas(String at) {
        String pointer = at + "/replicas";
        JsonNode node = in.node(pointer);
        List<Integer> replicas = new ArrayList<>();
        if (node == null || !node.isArray()) {
            for (int r = 0; r < context.scale; r++) {
                replicas.add(r);
            }
            return replicas;
        }
        Set<Integer> seen = new LinkedHashSet<>();
        int problemsBefore = in.problems().size();
        for (int j = 0; j < node.size(); j++) {
            int r = node.get(j).asInt();
            if (r >= context.scale) {
                in.problem(pointer + "/" + j, "a replica from 0 to " + (context.scale - 1) + " (scale is "
                        + context.scale + ")", String.valueOf(r));
            } else if (!seen.add(r)) {
                in.problem(pointer + "/" + j, "each replica once", r + ", listed twice");
            }
        }
        if (in.problems().size() > problemsBefore) {
            return List.of(); // the groups would be checked without the replicas refused: their sizes would mislead
        }
        replicas.addAll(new TreeSet<>(seen));
        return replicas;
    }

    /** A glob over series names: {@code *} any run of characters, {@code ?} one, all else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Refuses a hard apart rule two of whose VMs hard together rules (directly, or through VMs they share) keep on
     * one server, naming those together rules: no placement could honour both.
     */
    private boolean noContradiction(List<AffinityRule> groups, List<Integer> ruleOfGroup, VmTraceWorkload trace) {
        Optional<AffinityContradiction> found = AffinityContradiction.find(groups);
        if (found.isEmpty()) {
            return true;
        }
        AffinityContradiction c = found.get();
        Set<String> together = new TreeSet<>();
        c.togetherRules().forEach(g -> together.add(in.text(AT + "/" + ruleOfGroup.get(g) + "/name", "")));
        in.problem(AT + "/" + ruleOfGroup.get(c.apartRule()), "an apart rule that no together rule contradicts",
                describe(c.first(), trace) + " and " + describe(c.second(), trace) + " kept apart by "
                        + groups.get(c.apartRule()).name() + " but on one server by together rule(s) "
                        + String.join(", ", together));
        return false;
    }

    /** A VM as the scenario selects it: its series, and its replica when there are several. */
    private String describe(int vm, VmTraceWorkload trace) {
        int n = trace.trace().seriesCount();
        return "'" + trace.trace().name(vm % n) + "'" + (context.scale > 1 ? " replica " + vm / n : "");
    }
}

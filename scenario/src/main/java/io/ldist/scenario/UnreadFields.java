package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Fields the schema allows but the chosen kind does not read: {@code arrivals} in a vm-trace workload, both
 * {@code csv} and {@code arrivals} in a task workload, {@code scaleOut} beside {@code policy: none}. Each would be
 * ignored without a word, so the user would believe a setting is in force that is not; each is refused, saying
 * which kind reads what.
 */
public final class UnreadFields {
    private static final List<String> TRACE_FIELDS = List.of("kind", "format", "path", "vmTypes", "ramModel",
            "lifetime");
    private static final List<String> TASK_FIELDS = List.of("kind", "csv", "arrivals", "task", "recovery",
            "maxAttempts", "maxWait", "tiers", "tierOrder");

    private UnreadFields() {
    }

    public static void check(FieldReader in) {
        JsonNode workload = in.node("/workload");
        if (workload != null && workload.isObject()) {
            String kind = in.text("/workload/kind", "");
            if (kind.equals("vm-trace")) {
                onlyThese(in, workload, TRACE_FIELDS, "a vm-trace workload", "task workloads");
            } else if (kind.equals("tasks")) {
                onlyThese(in, workload, TASK_FIELDS, "a task workload", "vm-trace workloads");
                if (workload.has("csv")) {
                    for (String generated : List.of("arrivals", "task")) {
                        if (workload.has(generated)) {
                            in.problem("/workload/" + generated, "either 'csv' (tasks to replay) or 'arrivals' and "
                                    + "'task' (tasks to generate), not both: a task workload replaying a CSV "
                                    + "does not read '" + generated + "'", Phrases.describe(workload.get(generated)));
                        }
                    }
                }
            }
        }
        JsonNode scaling = in.node("/policies/scaling");
        if (scaling != null && scaling.isObject() && "none".equals(in.text("/policies/scaling/policy", "none"))) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = scaling.fields(); fields.hasNext(); ) {
                String name = fields.next().getKey();
                if (!name.equals("policy")) {
                    in.problem("/policies/scaling/" + name, "no '" + name + "' with scaling policy 'none' (a "
                            + "fixed fleet reads no scaling settings; set policy: threshold to use them)",
                            Phrases.describe(scaling.get(name)));
                }
            }
        }
    }

    private static void onlyThese(FieldReader in, JsonNode workload, List<String> read, String what,
                                  String others) {
        List<String> unread = new ArrayList<>();
        workload.fieldNames().forEachRemaining(name -> {
            if (!read.contains(name)) {
                unread.add(name);
            }
        });
        for (String name : unread) {
            in.problem("/workload/" + name, "one of the fields " + what + " reads (" + Phrases.orList(read) + ")",
                    "field '" + name + "', which only " + others + " read");
        }
    }
}

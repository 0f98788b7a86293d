package io.ldist.live.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns request bodies and path parameters into the Distributor's inputs, refusing bad ones with a 400. */
final class RequestReader {

    static final String SUBMISSION_EXAMPLE = "{\"cpuMips\": 1000, \"gpus\": 0, \"ramMb\": 2048}";
    static final int MAX_ID_LENGTH = 128;

    private static final Map<String, FlatJson.Kind> SUBMISSION_FIELDS = fields(
            "cpuMips", "gpus", "ramMb", "deadlineS", "leaseS");
    private static final Map<String, FlatJson.Kind> DONE_FIELDS = Map.of("failed", FlatJson.Kind.BOOLEAN);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");

    private RequestReader() {
    }

    /**
     * A task submission: cpuMips required and > 0; gpus, ramMb and deadlineS >= 0 when given; leaseS > 0 when
     * given (a lease of 0 would end the task as it starts), else {@code defaultLeaseS} (null leaves it to the
     * distributor).
     */
    static TaskSubmission submission(byte[] body, Double defaultLeaseS) {
        Map<String, Object> values = FlatJson.read(body, SUBMISSION_FIELDS, false, SUBMISSION_EXAMPLE);
        Double cpuMips = (Double) values.get("cpuMips");
        if (cpuMips == null) {
            throw new ApiProblem(400, "cpuMips is required: the task's CPU need in MIPS, > 0, as in "
                    + SUBMISSION_EXAMPLE, "cpuMips");
        }
        if (cpuMips <= 0) {
            throw new ApiProblem(400, "cpuMips must be > 0, got " + cpuMips, "cpuMips");
        }
        double gpus = nonNegative(values, "gpus", 0.0);
        double ramMb = nonNegative(values, "ramMb", 0.0);
        Double deadlineS = values.containsKey("deadlineS") ? nonNegative(values, "deadlineS", 0.0) : null;
        Double leaseS = (Double) values.get("leaseS");
        if (leaseS != null && leaseS <= 0) {
            throw new ApiProblem(400, "leaseS must be > 0 seconds, got " + leaseS, "leaseS");
        }
        return new TaskSubmission(cpuMips, gpus, ramMb, deadlineS, leaseS != null ? leaseS : defaultLeaseS);
    }

    /** Whether a POST /tasks/{id}/done body says the task failed; no body means it succeeded. */
    static boolean failed(byte[] body) {
        Object failed = FlatJson.read(body, DONE_FIELDS, true, "{\"failed\": true}").get("failed");
        return Boolean.TRUE.equals(failed);
    }

    /** A task id from the path: 1 to 128 letters, digits or . _ : - (anything else no Distributor gave out). */
    static String taskId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "..." : id;
            throw new ApiProblem(400, "task id '" + shown + "' is malformed: ids are 1 to " + MAX_ID_LENGTH
                    + " letters, digits or . _ : -", "id");
        }
        return id;
    }

    private static double nonNegative(Map<String, Object> values, String name, double absent) {
        Double value = (Double) values.get(name);
        if (value == null) {
            return absent;
        }
        if (value < 0) {
            throw new ApiProblem(400, name + " must be >= 0, got " + value, name);
        }
        return value == 0.0 ? 0.0 : value; // -0.0 as 0
    }

    private static Map<String, FlatJson.Kind> fields(String... names) {
        Map<String, FlatJson.Kind> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, FlatJson.Kind.NUMBER);
        }
        return map;
    }
}

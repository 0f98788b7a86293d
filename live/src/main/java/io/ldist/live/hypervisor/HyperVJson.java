package io.ldist.live.hypervisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the VMs a Hyper-V script wrote. Our scripts write a JSON array with state names and uptime in seconds, but
 * this also reads what a plain {@code Get-VM | ... | ConvertTo-Json} writes on Windows PowerShell 5.1, so that a
 * host with an older script, or a hand-run one, is read the same: a bare object for one VM, no output at all for
 * none, an array for more; the state as a number; the uptime as a TimeSpan object (or its "d.hh:mm:ss" string).
 */
public final class HyperVJson {

    /** SSM keeps only this many characters of a command's standard output (GetCommandInvocation). */
    public static final int SSM_OUTPUT_LIMIT = 24_000;

    /**
     * Hyper-V's VMState numbers that are the same in every copy of the enum. Others (above all those from 32781,
     * which differ between Windows versions) are never guessed: they read as {@link VmPowerState#OTHER}.
     */
    private static final Map<Integer, VmPowerState> STABLE_STATE_NUMBERS = Map.of(
            2, VmPowerState.RUNNING, 3, VmPowerState.OFF, 4, VmPowerState.STOPPING, 6, VmPowerState.SAVED,
            9, VmPowerState.PAUSED, 10, VmPowerState.STARTING);

    private static final Pattern TIMESPAN_TEXT = Pattern.compile("(?:(\\d+)\\.)?(\\d+):(\\d+):(\\d+)(?:\\.\\d+)?");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private HyperVJson() {
    }

    /** What a script wrote that is not a list of VMs; the message says what was seen. */
    public static final class UnreadableOutputException extends RuntimeException {
        private final boolean truncated;

        UnreadableOutputException(String message, boolean truncated, Throwable cause) {
            super(message, cause);
            this.truncated = truncated;
        }

        /** True when the output was cut at SSM's limit, the likely reason it does not parse. */
        public boolean truncated() {
            return truncated;
        }
    }

    /** The VMs in {@code output}, in name order; empty for no output. */
    public static List<HostedVm> parse(String output) {
        String text = output == null ? "" : output.replace("\uFEFF", "").strip();
        if (text.isEmpty()) {
            return List.of(); // 5.1 writes nothing at all for an empty pipeline
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(output, "is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        List<HostedVm> vms = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode element : root) {
                vms.add(vm(element, output));
            }
        } else if (root.isObject()) {
            vms.add(vm(root, output)); // 5.1's shape for exactly one VM
        } else if (!root.isNull()) {
            throw unreadable(output, "is neither an array nor an object", null);
        }
        vms.sort(Comparator.comparing(HostedVm::name));
        return List.copyOf(vms);
    }

    private static HostedVm vm(JsonNode node, String output) {
        if (!node.isObject()) {
            throw unreadable(output, "has an element that is not an object: " + node, null);
        }
        JsonNode name = node.get("Name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw unreadable(output, "has a VM without a Name: " + node, null);
        }
        try {
            return new HostedVm(name.asText(), state(node.get("State")), number(node, "CPUUsage"),
                    (long) number(node, "MemoryAssigned"), uptimeS(node), (int) number(node, "ProcessorCount"));
        } catch (IllegalArgumentException e) {
            throw unreadable(output, "has a VM that cannot be read (" + e.getMessage() + "): " + node, e);
        }
    }

    private static VmPowerState state(JsonNode state) {
        if (state == null || state.isNull()) {
            return VmPowerState.OTHER;
        }
        if (state.isIntegralNumber()) {
            return STABLE_STATE_NUMBERS.getOrDefault(state.intValue(), VmPowerState.OTHER);
        }
        if (state.isTextual()) {
            String text = state.asText().strip();
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                return STABLE_STATE_NUMBERS.getOrDefault(Integer.parseInt(text), VmPowerState.OTHER);
            }
            return VmPowerState.ofHyperVName(text);
        }
        throw new IllegalArgumentException("State is " + state.getNodeType());
    }

    private static long uptimeS(JsonNode node) {
        if (node.has("UptimeSec")) {
            return (long) number(node, "UptimeSec");
        }
        JsonNode uptime = node.get("Uptime");
        if (uptime == null || uptime.isNull()) {
            return 0;
        }
        if (uptime.isObject()) { // a TimeSpan as 5.1 writes it
            if (uptime.has("TotalSeconds")) {
                return (long) number(uptime, "TotalSeconds");
            }
            if (uptime.has("Ticks")) {
                return (long) (number(uptime, "Ticks") / 10_000_000);
            }
            throw new IllegalArgumentException("Uptime has neither TotalSeconds nor Ticks");
        }
        if (uptime.isNumber()) {
            return uptime.longValue();
        }
        Matcher m = TIMESPAN_TEXT.matcher(uptime.asText().strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Uptime \"" + uptime.asText() + "\" is not a TimeSpan");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        return ((days * 24 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 60
                + Long.parseLong(m.group(4));
    }

    /** A number field; absent or null is 0 (an off VM has no CPU usage), text that is a number is read. */
    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " \"" + value.asText() + "\" is not a number", e);
            }
        }
        throw new IllegalArgumentException(field + " is " + value.getNodeType());
    }

    private static UnreadableOutputException unreadable(String output, String problem, Throwable cause) {
        boolean truncated = output.length() >= SSM_OUTPUT_LIMIT;
        String why = truncated
                ? "output was cut by SSM at " + SSM_OUTPUT_LIMIT + " characters and so " + problem
                : "output " + problem;
        return new UnreadableOutputException(why + "; seen " + HypervisorException.shown(output), truncated, cause);
    }
}

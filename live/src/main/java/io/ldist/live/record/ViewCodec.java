package io.ldist.live.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.Resources;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskId;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.model.VmStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ClusterView} and the {@link TaskChanges} of a per-task call as JSON, and back. Every method of the view is
 * written as it answered, so nothing the engine may read is left to be derived again on replay. Numbers are written
 * as Java's shortest round-tripping decimal, so they read back bit for bit; an infinite deadline is written as null.
 */
final class ViewCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ViewCodec() {
    }

    static ObjectNode write(ClusterView view) {
        ObjectNode root = NODES.objectNode();
        root.put("nowS", view.nowS());
        ArrayNode hosts = root.putArray("hosts");
        for (int h = 0; h < view.hostCount(); h++) {
            ObjectNode host = hosts.addObject();
            host.put("type", view.hostType(h).name());
            host.put("state", view.hostState(h).name());
            host.put("missed", view.missedHealthChecks(h));
            host.put("util", view.hostCpuUtilization(h));
            host.put("ok", view.hostTaskSuccesses(h));
            host.put("failed", view.hostTaskFailures(h));
            ArrayNode vms = host.putArray("vms");
            for (int i = 0; i < view.hostVmCount(h); i++) {
                vms.add(view.hostVm(h, i));
            }
            host.put("incoming", view.hostIncomingVmCount(h));
        }
        ArrayNode vms = root.putArray("vms");
        for (int v = 0; v < view.vmCount(); v++) {
            ObjectNode vm = vms.addObject();
            vm.put("type", view.vmType(v).name());
            vm.put("status", view.vmStatus(v).name());
            vm.put("displaced", view.vmDisplaced(v));
            vm.put("host", view.vmHost(v));
            vm.put("target", view.vmMigrationTarget(v));
            vm.put("cpu", view.vmCpuDemandMips(v));
            vm.put("ram", view.vmRamDemandMb(v));
            vm.put("gpu", view.vmGpuDemand(v));
            vm.put("tasks", view.vmRunningTasks(v));
            ArrayNode history = vm.putArray("history");
            for (int age = 0; age < view.vmHistoryLength(v); age++) {
                history.add(view.vmHistory(v, age));
            }
        }
        ArrayNode queue = root.putArray("queue");
        for (int i = 0; i < view.queuedTaskCount(); i++) {
            queue.add(writeTask(view.queuedTask(i)));
        }
        return root;
    }

    static RecordedView read(JsonNode root, TypeCatalogue types) {
        List<RecordedView.Host> hosts = new ArrayList<>();
        for (JsonNode host : array(root, "hosts")) {
            JsonNode vmList = array(host, "vms");
            int[] vms = new int[vmList.size()];
            for (int i = 0; i < vms.length; i++) {
                vms[i] = vmList.get(i).asInt();
            }
            hosts.add(new RecordedView.Host(types.hostType(text(host, "type")),
                    HostState.valueOf(text(host, "state")), integer(host, "missed"), number(host, "util"),
                    required(host, "ok").asLong(), required(host, "failed").asLong(), vms, integer(host, "incoming")));
        }
        List<RecordedView.Vm> vms = new ArrayList<>();
        for (JsonNode vm : array(root, "vms")) {
            JsonNode samples = array(vm, "history");
            double[] history = new double[samples.size()];
            for (int i = 0; i < history.length; i++) {
                history[i] = samples.get(i).asDouble();
            }
            vms.add(new RecordedView.Vm(types.vmType(text(vm, "type")), VmStatus.valueOf(text(vm, "status")),
                    required(vm, "displaced").asBoolean(), integer(vm, "host"), integer(vm, "target"),
                    number(vm, "cpu"), number(vm, "ram"), number(vm, "gpu"), integer(vm, "tasks"), history));
        }
        List<TaskRequest> queue = new ArrayList<>();
        for (JsonNode task : array(root, "queue")) {
            queue.add(readTask(task));
        }
        return new RecordedView(number(root, "nowS"), hosts, vms, queue);
    }

    static ObjectNode write(TaskChanges changes) {
        ObjectNode root = NODES.objectNode();
        ArrayNode ended = root.putArray("endedOn");
        for (int i = 0; i < changes.hostsWithEndedTasks().size(); i++) {
            ended.add(changes.hostsWithEndedTasks().get(i));
        }
        ArrayNode queued = root.putArray("queued");
        changes.queued().forEach(t -> queued.add(writeTask(t)));
        ArrayNode withdrawn = root.putArray("withdrawn");
        changes.withdrawn().forEach(t -> withdrawn.add(t.value()));
        return root;
    }

    static TaskChanges readChanges(JsonNode root) {
        TaskChanges changes = new TaskChanges();
        array(root, "endedOn").forEach(h -> changes.taskEnded(h.asInt()));
        array(root, "queued").forEach(t -> changes.queued(readTask(t)));
        array(root, "withdrawn").forEach(t -> changes.withdrawn(new TaskId(t.asLong())));
        return changes;
    }

    static ObjectNode writeTask(TaskRequest task) {
        ObjectNode node = NODES.objectNode();
        node.put("id", task.id().value());
        node.put("cpu", task.demand().cpuMips());
        node.put("gpu", task.demand().gpus());
        node.put("ram", task.demand().ramMb());
        node.put("net", task.demand().netMbps());
        node.put("arrivalS", task.arrivalS());
        if (Double.isFinite(task.deadlineS())) {
            node.put("deadlineS", task.deadlineS());
        } else {
            node.putNull("deadlineS");
        }
        node.put("attempts", task.attempts());
        return node;
    }

    static TaskRequest readTask(JsonNode node) {
        JsonNode deadline = required(node, "deadlineS");
        return new TaskRequest(new TaskId(required(node, "id").asLong()),
                new Resources(number(node, "cpu"), number(node, "gpu"), number(node, "ram"), number(node, "net")),
                number(node, "arrivalS"), deadline.isNull() ? Double.POSITIVE_INFINITY : deadline.asDouble(),
                integer(node, "attempts"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array, found " + value.getNodeType());
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be text, found " + value);
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (value.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(value.asText())) {
            return Double.parseDouble(value.asText()); // how Jackson writes the doubles JSON has no numbers for
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number, found " + value);
        }
        return value.asDouble();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, found " + value);
        }
        return value.asInt();
    }
}

package io.ldist.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.HostType;
import io.ldist.engine.util.NearestName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypervisor a host type runs ({@code fleet.hostTypes[].hypervisor}), and what its parent partition (Hyper-V's
 * root partition, KVM's host OS, Xen's dom0) keeps of each server: those vCPUs and that memory are not the VMs'.
 * The engine sees the type with what is left. A type that names no hypervisor keeps its whole capacity (as every
 * scenario did before hypervisors were modelled). The defaults are estimates, not measurements; a scenario gives
 * its own as {@code {name: kvm, reservedCores: 1, reservedRam: 2GiB}}.
 */
final class HypervisorOverhead {
    /** What each hypervisor keeps by default: vCPUs and MiB (estimates of a management OS's reserve). */
    static final Map<String, double[]> DEFAULTS = defaults();

    private HypervisorOverhead() {
    }

    private static Map<String, double[]> defaults() {
        Map<String, double[]> known = new LinkedHashMap<>();
        known.put("hyper-v", new double[] {2, 4096}); // Windows Server root partition and its host reserve
        known.put("kvm", new double[] {1, 2048});     // a minimal host OS with libvirt
        known.put("xen", new double[] {2, 4096});     // dom0's usual vCPUs and memory
        return Map.copyOf(known);
    }

    /**
     * {@code type} less what the hypervisor at {@code at} keeps, or {@code type} itself when none is named; null
     * after a problem (recorded in {@code in}). {@code runsOn}: the hypervisors the catalogue type it comes from,
     * {@code from}, runs (empty: no catalogue type, or the catalogue does not say).
     */
    static HostType apply(FieldReader in, String at, HostType type, String from, List<String> runsOn) {
        JsonNode node = in.node(at);
        if (node == null || type == null) {
            return type;
        }
        String namePointer = node.isObject() ? at + "/name" : at;
        String name = in.text(namePointer, "");
        double[] reserve = DEFAULTS.get(name);
        if (reserve == null) {
            in.problem(namePointer, "a hypervisor (" + String.join(", ", DEFAULTS.keySet().stream().sorted().toList())
                    + ")", Phrases.describe(in.node(namePointer)), NearestName.didYouMean(DEFAULTS.keySet(), name));
            return null;
        }
        if (!runsOn.isEmpty() && !runsOn.contains(name)) {
            in.problem(namePointer, "a hypervisor that the catalogue's '" + from + "' runs ("
                    + String.join(", ", runsOn) + ")", "'" + name + "'");
            return null;
        }
        int cores = node.isObject() ? Math.max(0, in.integer(at + "/reservedCores", (int) reserve[0])) : (int) reserve[0];
        double ramMb = node.isObject() ? Math.max(0, in.quantity(at + "/reservedRam", Units.SIZE, reserve[1]))
                : reserve[1];
        if (cores >= type.cores() || ramMb >= type.ramMb()) {
            boolean byCores = cores >= type.cores();
            in.problem(node.isObject() ? at + (byCores ? "/reservedCores" : "/reservedRam") : at,
                    "a reserve that leaves the VMs something of the server (" + type.cores() + " vCPUs, "
                            + Math.round(type.ramMb() / 1024) + " GiB)",
                    byCores ? cores + " vCPUs" : Math.round(ramMb / 1024) + " GiB");
            return null;
        }
        return new HostType(type.name(), type.cores() - cores, type.mipsPerCore(), type.gpus(), type.ramMb() - ramMb,
                type.netMbps(), type.priceUsdPerHour(), type.power(), type.bootTimeS(), type.resumeTimeS());
    }
}

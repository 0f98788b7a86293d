package io.ldist.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.engine.model.HostType;
import io.ldist.engine.util.NearestName;

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
    /** What a hypervisor's parent partition keeps of each server: vCPUs and MiB. */
    record Reserve(int cores, double ramMb) {
    }

    /** What each hypervisor keeps by default (estimates of a management OS's reserve). */
    static final Map<String, Reserve> DEFAULTS = Map.of(
            "hyper-v", new Reserve(2, 4096), // Windows Server root partition and its host reserve
            "kvm", new Reserve(1, 2048),     // a minimal host OS with libvirt
            "xen", new Reserve(2, 4096));    // dom0's usual vCPUs and memory

    private HypervisorOverhead() {
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
        Reserve reserve = DEFAULTS.get(name);
        if (reserve == null) {
            List<String> known = DEFAULTS.keySet().stream().sorted().toList();
            in.problem(namePointer, "a hypervisor (" + String.join(", ", known) + ")",
                    Phrases.describe(in.node(namePointer)), NearestName.didYouMean(known, name));
            return null;
        }
        if (!runsOn.isEmpty() && !runsOn.contains(name)) {
            in.problem(namePointer, "a hypervisor that the catalogue's '" + from + "' runs ("
                    + String.join(", ", runsOn) + ")", "'" + name + "'");
            return null;
        }
        int cores = node.isObject() ? Math.max(0, in.integer(at + "/reservedCores", reserve.cores())) : reserve.cores();
        double ramMb = node.isObject() ? Math.max(0, in.quantity(at + "/reservedRam", Units.SIZE, reserve.ramMb()))
                : reserve.ramMb();
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

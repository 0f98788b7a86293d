package io.ldist.live.record;

import io.ldist.engine.model.HostType;
import io.ldist.engine.model.VmType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server and VM types a recording's names resolve to: a recording names types, the replaying side (the live
 * config, or the scenario the recording wrote) says what each name offers.
 */
public record TypeCatalogue(Map<String, HostType> hostTypes, Map<String, VmType> vmTypes) {
    public TypeCatalogue {
        hostTypes = Map.copyOf(hostTypes);
        vmTypes = Map.copyOf(vmTypes);
    }

    public static TypeCatalogue of(List<HostType> hostTypes, List<VmType> vmTypes) {
        Map<String, HostType> hosts = new LinkedHashMap<>();
        hostTypes.forEach(t -> hosts.put(t.name(), t));
        Map<String, VmType> vms = new LinkedHashMap<>();
        vmTypes.forEach(t -> vms.put(t.name(), t));
        return new TypeCatalogue(hosts, vms);
    }

    HostType hostType(String name) {
        HostType type = hostTypes.get(name);
        if (type == null) {
            throw new IllegalArgumentException("server type '" + name + "' is not in the catalogue (known: "
                    + String.join(", ", hostTypes.keySet().stream().sorted().toList()) + ")");
        }
        return type;
    }

    VmType vmType(String name) {
        VmType type = vmTypes.get(name);
        if (type == null) {
            throw new IllegalArgumentException("VM type '" + name + "' is not in the catalogue (known: "
                    + String.join(", ", vmTypes.keySet().stream().sorted().toList()) + ")");
        }
        return type;
    }
}

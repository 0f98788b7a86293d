package io.ldist.engine.pool;

import io.ldist.engine.model.HostType;
import io.ldist.engine.provision.VmTemplate;
import io.ldist.engine.scale.ScalingSettings;

import java.util.List;
import java.util.Objects;

/**
 * One pool of a fleet: the server types it is made of, the VMs each of its servers runs, and how it scales. A
 * server belongs to the pool of its type, so a CPU fleet and a GPU pool are two pools over different types.
 *
 * @param name      unique name, used in scenarios and reports
 * @param hostTypes the types of its servers, what it launches among them
 * @param template  the VMs every active server of the pool runs
 * @param scaling   its own scaling (bounds, launch types), or null for a pool of fixed size
 */
public record FleetPool(String name, List<HostType> hostTypes, VmTemplate template, ScalingSettings scaling) {
    public FleetPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        hostTypes = List.copyOf(hostTypes);
        if (hostTypes.isEmpty()) {
            throw new IllegalArgumentException("pool " + name + ": at least one host type");
        }
    }

    /** Whether servers of {@code type} are this pool's. */
    public boolean holds(HostType type) {
        for (HostType mine : hostTypes) {
            if (mine == type || mine.name().equals(type.name())) {
                return true;
            }
        }
        return false;
    }
}

package io.ldist.engine.update;

import io.ldist.engine.model.HostType;

import java.util.List;
import java.util.Objects;

/**
 * Which servers a rolling update covers, among those in service when it starts: all of them, those of one
 * host type, or those at given indexes.
 *
 * @param typeName the host type's name, or null for any type
 * @param indexes  the server indexes, or null for any index
 */
public record HostSelector(String typeName, List<Integer> indexes) {
    public static final HostSelector ALL = new HostSelector(null, null);

    public HostSelector {
        indexes = indexes == null ? null : List.copyOf(indexes);
        if (typeName != null && indexes != null) {
            throw new IllegalArgumentException("a selector names a host type or indexes, not both");
        }
    }

    public static HostSelector ofType(String typeName) {
        return new HostSelector(Objects.requireNonNull(typeName, "typeName"), null);
    }

    public static HostSelector ofIndexes(List<Integer> indexes) {
        return new HostSelector(null, Objects.requireNonNull(indexes, "indexes"));
    }

    public boolean selects(int host, HostType type) {
        if (typeName != null) {
            return type.name().equals(typeName);
        }
        return indexes == null || indexes.contains(host);
    }

    /** As written in the scenario and the log. */
    public String describe() {
        if (typeName != null) {
            return "type " + typeName;
        }
        return indexes == null ? "all" : "servers " + indexes;
    }
}

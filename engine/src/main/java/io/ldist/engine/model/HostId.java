package io.ldist.engine.model;

/** Identity of a server in the fleet: a dense index, stable for the server's whole life. */
public record HostId(int index) implements Comparable<HostId> {
    public HostId {
        if (index < 0) {
            throw new IllegalArgumentException("host index must be >= 0, was " + index);
        }
    }

    public static HostId of(int index) {
        return new HostId(index);
    }

    @Override
    public int compareTo(HostId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "host-" + index;
    }
}

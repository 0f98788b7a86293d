package io.ldist.engine.model;

/** Identity of a virtual machine: a dense index, never reused. */
public record VmId(int index) implements Comparable<VmId> {
    public VmId {
        if (index < 0) {
            throw new IllegalArgumentException("vm index must be >= 0, was " + index);
        }
    }

    public static VmId of(int index) {
        return new VmId(index);
    }

    @Override
    public int compareTo(VmId other) {
        return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
        return "vm-" + index;
    }
}

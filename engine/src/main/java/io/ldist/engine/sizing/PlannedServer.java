package io.ldist.engine.sizing;

import java.util.Arrays;

/** One server of a sized fleet: its type (an index into the problem's catalogue) and the VMs it holds. */
public record PlannedServer(int type, int[] vms) {
    public PlannedServer {
        vms = vms.clone();
        Arrays.sort(vms);
    }

    @Override
    public int[] vms() {
        return vms.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlannedServer s && s.type == type && Arrays.equals(s.vms, vms);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(vms);
    }

    @Override
    public String toString() {
        return "PlannedServer[type=" + type + ", vms=" + Arrays.toString(vms) + "]";
    }
}

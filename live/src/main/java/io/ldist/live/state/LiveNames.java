package io.ldist.live.state;

/**
 * The names that carry the engine's indexes outside the process, so that a restart names every server and VM as
 * before: launch tokens (on the instance as a tag) and Hyper-V VM names.
 */
public final class LiveNames {
    private LiveNames() {
    }

    /** The name of the {@code index}-th server's launch token: unique to this cluster's journal and the index. */
    public static String launchToken(String cluster, String incarnation, int index) {
        return cluster + "-" + incarnation + "-h" + index;
    }

    /** The Hyper-V name of the VM with this index: it carries the cluster and the index, so it survives restarts. */
    public static String vmName(String cluster, int index) {
        return "ldist-" + cluster + "-vm" + index;
    }

    /** The index in a name {@link #vmName} made for this cluster, or -1 for a VM ldist did not create. */
    public static int vmIndexOf(String cluster, String name) {
        String prefix = "ldist-" + cluster + "-vm";
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 9) {
            return -1;
        }
        for (int i = prefix.length(); i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(name.substring(prefix.length()));
    }
}

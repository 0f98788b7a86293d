package io.ldist.live.hypervisor;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a VM is created with. Names are checked here, once, so that no script or call ever sees a name that could
 * be read as anything but a name (letters, digits, '-', '_' and '.', at most 100 characters).
 */
public record VmSpec(String name, int processorCount, long memoryStartupBytes, int gpus) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public VmSpec {
        requireSafeName(name);
        if (processorCount < 1 || processorCount > 240) {
            throw new IllegalArgumentException("VM " + name + ": processorCount must be in [1, 240], was " + processorCount);
        }
        if (memoryStartupBytes < 32L * 1024 * 1024 || memoryStartupBytes % (2L * 1024 * 1024) != 0) {
            throw new IllegalArgumentException("VM " + name + ": memory must be a multiple of 2 MiB and at least 32 MiB, was "
                    + memoryStartupBytes + " bytes");
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("VM " + name + ": gpus must be >= 0, was " + gpus);
        }
    }

    /** Refuses a VM name that is not plainly a name. */
    public static String requireSafeName(String name) {
        Objects.requireNonNull(name, "VM name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe VM name (letters, digits, '.', '_', '-'; at most 100): \""
                    + name + "\"");
        }
        return name;
    }
}

package io.ldist.cli.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * One configuration compared: a scenario file with field overrides, shown as {@code policy} in results; in a
 * sweep, {@code parameter} and {@code value} name the swept field and its value.
 */
record Variant(Path scenario, String policy, String parameter, String value, List<String> overrides) {
    Variant {
        overrides = List.copyOf(overrides);
    }
}

package io.ldist.scenario;

import io.ldist.scenario.trace.UtilizationTrace;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where scenario loading gets trace data: read each time ({@link #NONE}), or read once per folder and shared
 * by every run of a comparison (traces are immutable, so sharing across threads is safe).
 */
public interface TraceCache {
    TraceCache NONE = (folder, reader) -> reader.apply(folder);

    UtilizationTrace read(Path folder, Function<Path, UtilizationTrace> reader);

    /** A cache that keeps every trace it read, by folder. */
    static TraceCache shared() {
        Map<Path, UtilizationTrace> traces = new ConcurrentHashMap<>();
        return (folder, reader) -> traces.computeIfAbsent(folder.toAbsolutePath().normalize(), reader);
    }
}

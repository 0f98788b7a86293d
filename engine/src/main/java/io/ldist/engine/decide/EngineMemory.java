package io.ldist.engine.decide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an engine remembers across decisions, one part per step in the engine's order (null for a step that
 * remembers nothing). Parts are values (records of numbers and arrays) that share nothing with the engine.
 */
public record EngineMemory(List<Object> parts) {
    public EngineMemory {
        parts = Collections.unmodifiableList(new ArrayList<>(parts));
    }
}

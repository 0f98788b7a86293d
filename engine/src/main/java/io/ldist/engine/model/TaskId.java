package io.ldist.engine.model;

/** Identity of a task of a task stream: its arrival number. */
public record TaskId(long value) implements Comparable<TaskId> {
    public TaskId {
        if (value < 0) {
            throw new IllegalArgumentException("task id must be >= 0, was " + value);
        }
    }

    @Override
    public int compareTo(TaskId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "task-" + value;
    }
}

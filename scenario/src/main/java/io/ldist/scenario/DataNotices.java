package io.ldist.scenario;

import io.ldist.scenario.spec.TaskSource;
import io.ldist.scenario.trace.UtilizationTrace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a run leaves out of its data or stretches, said as a notice (stderr and run.json) rather than silently:
 * the data is valid, but the user may not expect what the run does with it.
 */
final class DataNotices {
    private DataNotices() {
    }

    /** Tasks of a CSV that arrive once the run is over never run. */
    static Optional<String> lateTasks(FieldReader in, Path file, TaskSource.TaskList list, double durationS) {
        long late = list.tasks().stream().filter(task -> task.arrivalS() >= durationS).count();
        return late == 0 ? Optional.empty() : Optional.of(file + ": " + late + " of " + list.tasks().size()
                + " tasks arrive at or after the end of the run (duration " + in.text("/duration", "24h")
                + ") and are not run");
    }

    /** A run longer than its trace: past the trace's end, each VM's last value holds. */
    static Optional<String> shortTrace(FieldReader in, UtilizationTrace trace, double durationS) {
        double covered = trace.samples() * trace.intervalS();
        if (durationS <= covered) {
            return Optional.empty();
        }
        return Optional.of(in.document().resolvePath(in.text("/workload/path", "")) + ": the trace covers "
                + Math.round(covered / 3600) + " h (" + trace.samples() + " samples of " + Math.round(trace.intervalS())
                + " s) and the run lasts " + in.text("/duration", "24h") + ": past its end each VM keeps its last value");
    }
}

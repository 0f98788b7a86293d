package io.ldist.live.record;

import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.HostState;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.model.TaskRequest;
import io.ldist.engine.plan.Plan;
import io.ldist.live.state.LiveTask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * What a live run saw, as a trace the simulator replays, times in seconds from the start of the recording:
 * <ul>
 *   <li>{@value #TASKS}: the tasks that arrived, in the simulator's task CSV format
 *       ({@code arrivalS,cpuMips,ramMb,gpus,durationS,deadlineS}); a task's duration is the time it ran. A task still
 *       running at the end is given the time it had run (counted in {@link Summary#tasksCutShort}); a task that never
 *       started has no duration to replay and is left out (counted in {@link Summary#tasksNeverStarted}).</li>
 *   <li>{@value #UTILIZATION}: each running VM's measured CPU utilisation at each decision ({@code atS,vm,cpu}).</li>
 *   <li>{@value #HOSTS}: each server's state whenever it changed ({@code atS,host,state}).</li>
 * </ul>
 */
public final class RecordedTrace {
    public static final String TASKS = "tasks.csv";
    public static final String UTILIZATION = "utilization.csv";
    public static final String HOSTS = "hosts.csv";
    /**
     * A task seen to end in the instant it started (or cut short at its start) ran for no measurable time; the
     * simulator's task format needs a duration above 0, so it is written as the least the file keeps (6 decimals).
     */
    static final double SHORTEST_DURATION_S = 1e-6;

    /** What the trace holds, for the scenario written beside it. */
    public record Summary(double startS, double endS, int activeAtStart, int standbyAtStart, int tasks,
                          int tasksCutShort, int tasksNeverStarted, List<HostFailure> failures) {
        public double durationS() {
            return endS - startS;
        }
    }

    /** A server that failed at {@code atS} (from the recording's start); {@code atStart} if it was there then. */
    public record HostFailure(int host, double atS, boolean atStart) {
    }

    private record Ran(double startedS, double endedS) {
    }

    private double startS = Double.NaN;
    private int activeAtStart = -1;
    private int standbyAtStart;
    private int hostsAtStart;
    private final Map<Long, TaskRequest> arrived = new LinkedHashMap<>();
    private final Map<Long, Ran> ran = new LinkedHashMap<>();
    private final List<HostState> lastState = new ArrayList<>();
    private final StringBuilder utilization = new StringBuilder("atS,vm,cpu\n");
    private final StringBuilder hosts = new StringBuilder("atS,host,state\n");
    private final List<HostFailure> failures = new ArrayList<>();

    void start(double nowS) {
        startS = nowS;
    }

    void observed(ClusterView view, Trigger trigger, Plan plan) {
        double at = view.nowS() - startS;
        if (activeAtStart < 0) {
            activeAtStart = 0;
            hostsAtStart = view.hostCount();
            for (int h = 0; h < view.hostCount(); h++) {
                HostState state = view.hostState(h);
                activeAtStart += state.isRunning() ? 1 : 0;
                standbyAtStart += state == HostState.STANDBY ? 1 : 0;
            }
        }
        for (int h = 0; h < view.hostCount(); h++) {
            HostState state = view.hostState(h);
            HostState before = h < lastState.size() ? lastState.get(h) : null;
            if (state != before) {
                hosts.append(number(at)).append(',').append(h).append(',').append(state.name()).append('\n');
                if (state == HostState.FAILED) {
                    failures.add(new HostFailure(h, at, h < hostsAtStart));
                }
                if (h < lastState.size()) {
                    lastState.set(h, state);
                } else {
                    lastState.add(state);
                }
            }
        }
        if (trigger != Trigger.TICK) {
            return;
        }
        for (int v = 0; v < view.vmCount(); v++) {
            if (view.vmHost(v) >= 0 && view.vmHistoryLength(v) > 0) {
                utilization.append(number(at)).append(',').append(v).append(',')
                        .append(number(view.vmHistory(v, 0))).append('\n');
            }
        }
    }

    void dispatched(TaskChanges changes, Plan plan) {
        for (TaskRequest task : changes.queued()) {
            if (task.attempts() == 0) {
                arrived.putIfAbsent(task.id().value(), task);
            }
        }
    }

    void taskEnded(LiveTask task) {
        if (!Double.isNaN(task.startedAtS())) {
            ran.put(task.id(), new Ran(task.startedAtS(), task.endedAtS()));
        }
    }

    /**
     * Writes the trace's files into {@code dir}; the recording ends at driver time {@code endS}, and tasks not seen
     * to end are looked up to tell those still running from those that never started.
     */
    Summary write(Path dir, double endS, LongFunction<LiveTask> lookup) {
        StringBuilder tasks = new StringBuilder("arrivalS,cpuMips,ramMb,gpus,durationS,deadlineS\n");
        int written = 0;
        int cutShort = 0;
        int neverStarted = 0;
        List<TaskRequest> inOrder = new ArrayList<>(arrived.values());
        inOrder.sort(Comparator.comparingDouble(TaskRequest::arrivalS).thenComparing(TaskRequest::id));
        for (TaskRequest task : inOrder) {
            Ran r = ran.get(task.id().value());
            double durationS;
            LiveTask now = r == null ? lookup.apply(task.id().value()) : null;
            if (r != null) {
                durationS = r.endedS() - r.startedS();
            } else if (now != null && now.phase() == LiveTask.Phase.RUNNING) {
                durationS = endS - now.startedAtS();
                cutShort++;
            } else {
                neverStarted++;
                continue;
            }
            written++;
            tasks.append(number(task.arrivalS() - startS)).append(',')
                    .append(number(task.demand().cpuMips())).append(',')
                    .append(number(task.demand().ramMb())).append(',')
                    .append(number(task.demand().gpus())).append(',')
                    .append(number(Math.max(SHORTEST_DURATION_S, durationS))).append(',');
            if (Double.isFinite(task.deadlineS())) {
                tasks.append(number(task.deadlineS() - task.arrivalS()));
            }
            tasks.append('\n');
        }
        try {
            Files.writeString(dir.resolve(TASKS), tasks, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(UTILIZATION), utilization, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(HOSTS), hosts, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the recorded trace: " + e.getMessage(), e);
        }
        return new Summary(startS, endS, Math.max(0, activeAtStart), standbyAtStart, written, cutShort, neverStarted,
                List.copyOf(failures));
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
    }
}

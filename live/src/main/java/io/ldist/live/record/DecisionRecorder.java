package io.ldist.live.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.decide.EngineMemory;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.model.ClusterView;
import io.ldist.engine.model.TaskChanges;
import io.ldist.engine.plan.Plan;
import io.ldist.live.execute.ActionOutcome;
import io.ldist.live.execute.EngineMemoryFile;
import io.ldist.live.loop.LiveDistributor;
import io.ldist.live.loop.RoundListener;
import io.ldist.live.state.LiveFleet;
import io.ldist.live.state.LiveTask;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Record mode: what the live driver observes and decides, written so that it can be replayed. Listens to a
 * {@link LiveDistributor} and writes into its folder:
 * <ul>
 *   <li>{@value #DECISIONS}: a first line with the engine's memory when recording began, then one line per engine
 *       call, in order: the call (a whole decision and its trigger, or a per-task one and its task changes), every
 *       answer of the view it was given, and the plan it returned. {@link DecisionReplay} shows another engine the
 *       same views and compares its plans line by line.</li>
 *   <li>the workload and the fleet's events as a trace the simulator replays ({@link RecordedTrace}).</li>
 * </ul>
 * Lines are flushed as they are written (a crash loses at most the line being written); the trace's files are
 * written by {@link #close}. Recording every view costs a line the size of the fleet per engine call: it is meant
 * for studies and checks, not left on for weeks.
 */
public final class DecisionRecorder implements RoundListener, AutoCloseable {
    public static final String DECISIONS = "decisions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final BufferedWriter decisions;
    private final RecordedTrace trace = new RecordedTrace();
    private long calls;
    private boolean closed;
    private UncheckedIOException failure;

    /** Starts a recording in {@code dir}, which must not hold one already (nothing is overwritten). */
    public DecisionRecorder(Path dir) {
        this.dir = dir;
        Path file = dir.resolve(DECISIONS);
        try {
            Files.createDirectories(dir);
            decisions = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException(file + " exists: record into an empty folder (recordings are never "
                    + "overwritten)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot start a recording: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Engine calls recorded so far. */
    public synchronized long calls() {
        return calls;
    }

    @Override
    public synchronized void attached(EngineMemory memory, double nowS) {
        ObjectNode start = JSON.createObjectNode();
        start.put("kind", "start");
        start.put("atS", nowS);
        start.set("memory", EngineMemoryFile.toJson(memory));
        write(start);
        trace.start(nowS);
    }

    @Override
    public synchronized void decided(ClusterView view, Trigger trigger, Plan plan) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "decide");
        line.put("trigger", trigger.name());
        line.set("view", ViewCodec.write(view));
        line.set("plan", planLines(plan));
        write(line);
        trace.observed(view, trigger, plan);
    }

    @Override
    public synchronized void dispatched(ClusterView view, TaskChanges changes, Plan plan) {
        ObjectNode line = JSON.createObjectNode();
        line.put("kind", "dispatch");
        line.set("changes", ViewCodec.write(changes));
        line.set("view", ViewCodec.write(view));
        line.set("plan", planLines(plan));
        write(line);
        trace.dispatched(changes, plan);
    }

    @Override
    public synchronized void taskEnded(LiveTask task) {
        trace.taskEnded(task);
    }

    @Override
    public void roundDone(LiveFleet fleet, long epochMs, Plan plan, List<ActionOutcome> outcomes) {
        // Everything a round decides was recorded as the engine returned it.
    }

    /**
     * Ends the recording at the fleet's time: writes the trace and closes {@value #DECISIONS}. Call it with the
     * distributor's fleet ({@code distributor.withFleet(recorder::finish)}), so that no call races it.
     */
    public synchronized RecordedTrace.Summary finish(LiveFleet fleet) {
        if (failure != null) {
            close();
            throw failure;
        }
        RecordedTrace.Summary summary = trace.write(dir, fleet.nowS(), fleet.tasks()::get);
        close();
        return summary;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            decisions.close();
        } catch (IOException e) {
            throw new UncheckedIOException(dir.resolve(DECISIONS) + ": " + e.getMessage(), e);
        }
    }

    private static ArrayNode planLines(Plan plan) {
        ArrayNode lines = JSON.createArrayNode();
        PlanText.lines(plan).forEach(lines::add);
        return lines;
    }

    /**
     * A recording that cannot be written stops recording rather than failing the distributor's calls; the failure
     * is raised by {@link #finish}.
     */
    private void write(ObjectNode line) {
        if (closed || failure != null) {
            return;
        }
        try {
            decisions.write(JSON.writeValueAsString(line));
            decisions.write('\n');
            decisions.flush();
            calls += "start".equals(line.path("kind").asText()) ? 0 : 1;
        } catch (IOException e) {
            failure = new UncheckedIOException(dir.resolve(DECISIONS) + ": recording stopped: " + e.getMessage(), e);
        }
    }
}

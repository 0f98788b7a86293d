package io.ldist.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.time.Duration;
import java.util.function.DoubleConsumer;

/**
 * A progress bar on standard error for runs long enough to need one: it appears only after a second of wall
 * time, and only when standard error is a terminal, so short runs and logs stay clean. It counts in the work's
 * own unit (runs of a comparison) or in per cent, and labels its times ({@link ProgressLine}).
 */
public final class Progress implements DoubleConsumer, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int PERCENT = 100;

    private final String task;
    private final boolean enabled;
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    /** A bar in per cent. */
    public Progress(String task, boolean enabled) {
        this(task, enabled, PERCENT, null);
    }

    /** A bar counting {@code total} pieces of work called {@code unit} ("runs"). */
    public Progress(String task, boolean enabled, long total, String unit) {
        this.task = task;
        this.enabled = enabled && Terminal.stderrIsTerminal();
        this.total = total;
        this.unit = unit;
    }

    /** How much of the work is done, from 0 to 1. */
    @Override
    public void accept(double fraction) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - started < SHOW_AFTER_NANOS || fraction >= 1) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(200)
                    .continuousUpdate().startsFrom(0, Duration.ofNanos(System.nanoTime() - started)) // since started
                    .setRenderer((state, width) -> ProgressLine.render(state.getTaskName(),
                            state.getCurrent(), state.getMax(), unit, state.getTotalElapsed(), width))
                    .build();
        }
        bar.stepTo(Math.round(fraction * total));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

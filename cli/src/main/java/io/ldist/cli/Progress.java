package io.ldist.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.function.DoubleConsumer;

/**
 * A progress bar on standard error for runs long enough to need one: it appears only after a second of wall
 * time, and only when standard error is a terminal, so short runs and logs stay clean.
 */
public final class Progress implements DoubleConsumer, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

    private final String task;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private ProgressBar bar;

    public Progress(String task, boolean enabled) {
        this.task = task;
        this.enabled = enabled && Terminal.stderrIsTerminal();
    }

    @Override
    public void accept(double fraction) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - started < SHOW_AFTER_NANOS || fraction >= 1) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1000).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
        bar.stepTo(Math.round(fraction * 1000));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

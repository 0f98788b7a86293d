package io.ldist.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * One line of the progress bar: the task, a bar, how far it is in the work's own unit ("12/42 runs", or a
 * percentage), and the time so far and left, each labelled.
 */
final class ProgressLine {
    private static final int BAR = 24;

    private ProgressLine() {
    }

    /** @param unit what is counted ("runs"); null to show a percentage of {@code total} */
    static String render(String task, long done, long total, String unit, Duration elapsed, int maxLength) {
        double fraction = total > 0 ? Math.min(1, (double) done / total) : 0;
        int filled = (int) Math.floor(fraction * BAR);
        String bar = "[" + "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "") + "]";
        String count = unit == null ? String.format(Locale.ROOT, "%3d %%", Math.round(fraction * 100))
                : done + "/" + total + " " + unit;
        String left = done == 0 ? "time left not yet known"
                : "about " + clock(elapsed.multipliedBy(total - done).dividedBy(done)) + " left";
        String line = task + " " + bar + " " + count + ", " + clock(elapsed) + " elapsed, " + left;
        return line.length() > maxLength && maxLength > 0 ? line.substring(0, maxLength) : line;
    }

    /** "0:05", "12:40", "1:02:03". */
    static String clock(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

package io.ldist.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is an interactive terminal (progress bars go there only then). */
final class Terminal {
    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        if (System.getenv("LDIST_NO_PROGRESS") != null) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd)) {
                String target = fd.toRealPath().toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // Not Linux or not allowed to look: fall back to Java's own test.
        }
        return System.console() != null;
    }
}

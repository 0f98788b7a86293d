package io.ldist.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a full disk among the causes of a failure, and names the file being written as the user knows it: the
 * stack trace of an IOException "No space left on device" deep in a writer says neither what happened nor where.
 */
final class DiskFull {
    private static final String NO_SPACE = "No space left on device";
    private static final String CANNOT_WRITE = "cannot write ";
    /** A run writes into {@code .<name>.staging-<id>}, which becomes {@code <name>}. */
    private static final Pattern STAGING = Pattern.compile("\\.([^/\\\\]+)\\.staging-[0-9a-f]{12}");
    /** ... and each file as {@code .<file>.tmp}, which becomes {@code <file>}. */
    private static final Pattern TEMPORARY = Pattern.compile("(^|[/\\\\])\\.([^/\\\\]+)\\.tmp$");

    private DiskFull() {
    }

    /** What to tell the user when {@code failure} comes from a full disk; empty otherwise. */
    static Optional<String> message(Throwable failure) {
        boolean full = false;
        String file = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            full |= cause instanceof IOException && text.contains(NO_SPACE);
            if (file == null && text.startsWith(CANNOT_WRITE)) {
                file = text.substring(CANNOT_WRITE.length());
            } else if (file == null && cause instanceof FileSystemException failed && failed.getFile() != null) {
                file = failed.getFile();
            }
        }
        if (!full) {
            return Optional.empty();
        }
        return Optional.of("ldist: no space left on device" + (file == null ? "" : " while writing " + asShown(file))
                + "; nothing of this run was kept (an earlier output in the folder is as it was): free some space "
                + "and run again");
    }

    static String asShown(String path) {
        String folder = STAGING.matcher(path).replaceAll("$1");
        return TEMPORARY.matcher(folder).replaceAll("$1$2");
    }
}

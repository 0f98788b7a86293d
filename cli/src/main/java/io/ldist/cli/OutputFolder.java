package io.ldist.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The folder a run writes to: created when missing, refused when it already holds files (unless forced). */
public final class OutputFolder {
    private OutputFolder() {
    }

    /** A folder made ready for a run, which knows whether the run created it. */
    public record Claimed(Path path, boolean createdHere) {
        /** After a run that failed: a folder it created and wrote nothing into goes again. */
        public void releaseIfEmpty() {
            if (createdHere) {
                removeIfEmpty(path);
            }
        }
    }

    /** As {@link #prepare}, remembering whether the folder was there before. */
    public static Claimed claim(Path folder, boolean force) {
        boolean existed = Files.exists(folder);
        return new Claimed(prepare(folder, force), !existed);
    }

    public static Path prepare(Path folder, boolean force) {
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new BadInputException("output " + folder + " is a file, not a folder");
            }
            if (Files.isDirectory(folder) && !force && !isEmpty(folder)) {
                throw new BadInputException("output folder " + folder + " is not empty; choose another with --out, "
                        + "or add --force to replace the files of the same name in it");
            }
            Files.createDirectories(folder);
            return folder;
        } catch (FileSystemException e) {
            // In the user's hands: a file where a parent folder should be, no permission, a read-only disk.
            Path file = fileAbove(folder);
            throw new BadInputException("cannot create output folder " + folder + ": " + (file != null
                    ? file + " is a file, not a folder"
                    : e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + folder, e);
        }
    }

    /** Removes {@code folder} when it holds nothing (a run that created it failed before writing). */
    private static void removeIfEmpty(Path folder) {
        try {
            if (Files.isDirectory(folder) && isEmpty(folder)) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            // Leaving an empty folder behind is harmless; the failure that brought us here matters more.
        }
    }

    /** The nearest of the folder's parents that exists as a file, if any. */
    private static Path fileAbove(Path folder) {
        for (Path parent = folder.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                return Files.isDirectory(parent) ? null : parent;
            }
        }
        return null;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}

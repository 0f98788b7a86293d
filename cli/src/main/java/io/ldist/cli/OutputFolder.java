package io.ldist.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The folder a run writes to: created when missing, refused when it already holds files (unless forced). */
final class OutputFolder {
    private OutputFolder() {
    }

    static Path prepare(Path folder, boolean force) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + folder, e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}

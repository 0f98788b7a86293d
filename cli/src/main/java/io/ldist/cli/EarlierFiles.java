package io.ldist.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What becomes of an earlier output folder's content when a run swaps its new one in ({@link OutputFolder}): what
 * the run does not write itself is carried over, and ldist's own leftovers are not.
 */
final class EarlierFiles {
    /** What failed runs of earlier ldist versions left inside a folder: never carried over, never "not empty". */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.tmp|\\.runs\\.partial|\\.report\\.partial");

    private EarlierFiles() {
    }

    /** Links into {@code to} every entry of {@code from} that {@code to} lacks (ldist's own leftovers aside). */
    static void carryOver(Path from, Path to) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                Path target = to.resolve(name);
                if (!LEFTOVER.matcher(name).matches() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    linkTree(entry, target);
                }
            }
        }
    }

    private static void linkTree(Path source, Path target) throws IOException {
        if (Files.isSymbolicLink(source)) {
            Files.createSymbolicLink(target, Files.readSymbolicLink(source));
        } else if (Files.isDirectory(source)) {
            Files.createDirectory(target);
            try (Stream<Path> entries = Files.list(source)) {
                for (Path entry : entries.toList()) {
                    linkTree(entry, target.resolve(entry.getFileName().toString()));
                }
            }
        } else {
            try {
                Files.createLink(target, source); // no copy: ldist never rewrites a file in place
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** A folder the user had made private (say rwx------) stays so once swapped. */
    static void keepPermissions(Path from, Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the new folder has the permissions it inherits.
        }
    }

    /**
     * Whether {@code folder} holds an earlier run's output and nothing else: {@code run.json} and only files of the
     * given names (ldist's leftovers aside). Such a folder is ldist's own, so a run may replace it unasked.
     */
    static boolean onlyAnEarlierRun(Path folder, Collection<String> runFiles) {
        if (!Files.isRegularFile(folder.resolve("run.json"), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(entry -> {
                String name = entry.getFileName().toString();
                return LEFTOVER.matcher(name).matches()
                        || runFiles.contains(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output folder " + folder, e);
        }
    }

    /** Whether {@code folder} holds nothing, or nothing but what failed runs of earlier versions left. */
    static boolean onlyLeftovers(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(entry -> LEFTOVER.matcher(entry.getFileName().toString()).matches());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output folder " + folder, e);
        }
    }
}

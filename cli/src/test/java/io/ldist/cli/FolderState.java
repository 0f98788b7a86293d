package io.ldist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an output folder holds, file by file (relative path to bytes), so that a test can tell whether a folder is
 * all the earlier output or all the new one, never a mix. Files that differ between identical runs (run.json, with
 * its date; timings.csv) are compared by presence only when {@code varying} names them.
 */
record FolderState(Map<String, String> files) {

    static FolderState of(Path folder, Set<String> varying) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(path).toString();
                files.put(name, varying.contains(name) ? "(varies)" : digest(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FolderState(files);
    }

    /** A file's bytes as a short fingerprint, so that a failed comparison prints something readable. */
    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static FolderState of(Path folder) {
        return of(folder, Set.of());
    }

    /** Asserts that {@code folder} holds exactly {@code expected} (by {@code expected}'s varying files). */
    static void assertHolds(Path folder, FolderState expected, Set<String> varying, String what) {
        assertThat(folder).as(what).isDirectory();
        FolderState actual = of(folder, varying);
        assertThat(actual.files().keySet()).as(what + ": the files").isEqualTo(expected.files().keySet());
        assertThat(actual).as(what + ": the bytes of every file").isEqualTo(expected);
    }

    /**
     * Asserts that beside {@code folder} (in its parent) nothing of a run is left: no staging, old or trash folder,
     * only the emptied lock file, which stays (see OutputLock).
     */
    static void assertNothingLeftBeside(Path folder) {
        String name = folder.getFileName().toString();
        assertThat(names(folder.getParent())).as("beside the folder").containsExactly("." + name + ".lock", name);
        assertThat(folder.resolveSibling("." + name + ".lock")).as("the lock file, emptied").isEmptyFile();
    }

    /** The names in {@code folder}, hidden ones too. */
    static List<String> names(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder's tree (to make a reference copy before a run changes it). */
    static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

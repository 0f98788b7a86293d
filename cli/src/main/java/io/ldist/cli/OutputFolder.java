package io.ldist.cli;

import io.ldist.reports.FileTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run's hold on its output folder, from the claim to the swap. The run locks the folder ({@link OutputLock}, a
 * lock file beside it, so that a second run on it is refused at once), writes everything into a staging folder
 * beside it ({@code .<name>.staging-<id>}) and ends by swapping that in: the earlier folder is renamed aside
 * ({@code .<name>.old-<id>}), the staging folder renamed to the name, the earlier one deleted. So the earlier output
 * stays whole until the swap, and the folder is at every moment all old or all new, but for the instant between the
 * two renames: a swap killed there is undone by the next ldist that claims or reads the folder, which renames the
 * earlier folder back. SIGINT and SIGTERM remove what the run staged. What the earlier folder holds that the run does
 * not write (notes, other files) is carried over into the new one, as hard links, so that {@code --force} still
 * replaces only the files of the same name.
 */
public final class OutputFolder implements AutoCloseable {
    private enum State { OPEN, COMMITTED, ABANDONED }

    private final Path folder;
    private final String shown;
    private final Pattern siblings;
    private final OutputLock lock;
    private final Thread shutdownHook;
    private volatile Path staging;
    private State state = State.OPEN;
    private boolean released;

    private OutputFolder(Path folder, String shown, OutputLock lock) {
        this.folder = folder;
        this.shown = shown;
        this.siblings = siblingsOf(folder);
        this.lock = lock;
        this.shutdownHook = new Thread(this::stopped, "ldist-output-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Claims {@code folder} for a run that writes a new output into it: refused (exit 2) when it is a file, when
     * another run holds it, or when it holds files and {@code force} is off. Nothing is written into it until
     * {@link #commit}.
     */
    public static OutputFolder claim(Path folder, boolean force) {
        Path absolute = absolute(folder);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException("output " + folder + " is a file, not a folder");
        }
        if (!hasSiblings(absolute)) {
            refuseIfUsed(folder, absolute, force); // at once, touching nothing, when no killed run needs undoing
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw cannotCreate(folder, absolute, e);
        }
        OutputFolder output = locked(folder, absolute);
        try {
            refuseIfUsed(folder, absolute, force); // again, once an interrupted swap is undone
            return output;
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
    }

    private static void refuseIfUsed(Path folder, Path absolute, boolean force) {
        if (Files.isDirectory(absolute) && !force && !EarlierFiles.onlyLeftovers(absolute)) {
            throw new BadInputException("output folder " + folder + " is not empty; choose another with --out, "
                    + "or add --force to replace the files of the same name in it");
        }
    }

    /**
     * Claims an existing {@code folder} to rewrite part of it (ldist report): after {@link #commit} it holds what the
     * staging folder holds and, of its earlier content, everything else. Refused with {@code missing} when absent.
     */
    public static OutputFolder reopen(Path folder, String missing) {
        Path absolute = absolute(folder);
        if (!Files.isDirectory(absolute) && !hasSiblings(absolute)) {
            throw new BadInputException(missing); // nothing to restore either
        }
        OutputFolder output = locked(folder, absolute);
        if (!Files.isDirectory(absolute)) {
            output.close();
            throw new BadInputException(missing);
        }
        return output;
    }

    private static OutputFolder locked(Path folder, Path absolute) {
        OutputLock lock;
        try {
            lock = OutputLock.acquire(absolute.resolveSibling("." + name(absolute) + ".lock"), folder.toString());
        } catch (FileSystemException e) {
            throw cannotCreate(folder, absolute, e); // a read-only disk, no permission
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock output folder " + folder, e);
        }
        OutputFolder output = new OutputFolder(absolute, folder.toString(), lock);
        try {
            output.recover();
            output.createStaging();
        } catch (IOException e) {
            output.close();
            throw new UncheckedIOException("cannot prepare output folder " + folder, e);
        }
        TestPause.at("staging-created");
        return output;
    }

    /** Under the monitor, as the shutdown hook must see the staging folder to remove it, or stop its making. */
    private synchronized void createStaging() throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException("the run was stopped before it began writing " + shown);
        }
        staging = Files.createDirectory(sibling("staging"));
    }

    /** The folder to write the run's files into; it becomes the output folder at {@link #commit}. */
    public Path staging() {
        return staging;
    }

    /** Swaps the staged output in: from here on the folder holds this run's files. */
    public synchronized void commit() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the run was stopped before its output was moved into " + shown);
        }
        try {
            if (Files.isDirectory(folder)) {
                EarlierFiles.carryOver(folder, staging);
                EarlierFiles.keepPermissions(folder, staging);
            }
            TestPause.insideSwap("staged");
            Path aside = null;
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                aside = sibling("old");
                move(folder, aside);
                TestPause.insideSwap("old-moved-aside");
            }
            try {
                move(staging, folder);
            } catch (IOException e) {
                if (aside != null) {
                    move(aside, folder);
                }
                throw e;
            }
            state = State.COMMITTED;
            TestPause.insideSwap("new-moved-in");
            if (aside != null) {
                discard(aside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new output into " + shown, e);
        }
    }

    /**
     * Deletes the earlier output once the new one is in place. It is renamed first, so that an .old- folder is always
     * whole (the next run restores only whole ones). A failure here fails nothing: the new output is in place, and
     * the next run on the folder deletes what is left.
     */
    private void discard(Path aside) {
        Path trash = sibling("trash");
        try {
            move(aside, trash);
        } catch (IOException e) {
            return;
        }
        TestPause.insideSwap("old-trashed");
        deleteQuietly(trash);
    }

    /** Ends the claim: what was staged and not committed goes, and the lock with it. */
    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Shutdown under way: the hook runs, and does what release() has already done.
        }
    }

    /** The shutdown hook (SIGINT, SIGTERM): waits for a swap under way to end, else removes what was staged. */
    private void stopped() {
        TestPause.shutdownBegins();
        release();
    }

    private synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        if (state == State.OPEN && staging != null) {
            state = State.ABANDONED;
            // Renamed first, so that a run still writing finds no folder to write into instead of refilling it.
            Path trash = sibling("trash");
            try {
                move(staging, trash);
            } catch (IOException e) {
                trash = staging;
            }
            deleteQuietly(trash);
        }
        lock.close();
    }

    /**
     * Undoes what runs killed on this folder left (we hold the lock, so no other run is under way): a swap cut
     * between its renames is finished backwards (the earlier folder renamed back), and staging, old and trash
     * folders of dead runs are deleted.
     */
    private void recover() throws IOException {
        List<Path> olds = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder.getParent())) {
            for (Path entry : entries.toList()) {
                Matcher matcher = siblings.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    if (matcher.group(1).equals("old")) {
                        olds.add(entry);
                    } else {
                        FileTree.delete(entry);
                    }
                }
            }
        }
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !olds.isEmpty()) {
            Path newest = olds.stream().max(Comparator.comparing(OutputFolder::modified)).orElseThrow();
            move(newest, folder);
            olds.remove(newest);
        }
        for (Path old : olds) {
            FileTree.delete(old);
        }
    }

    /** Whether anything a run left beside {@code folder} (staging, old, trash folders) is there. */
    private static boolean hasSiblings(Path folder) {
        Pattern siblings = siblingsOf(folder);
        try (Stream<Path> entries = Files.list(folder.getParent())) {
            return entries.anyMatch(entry -> siblings.matcher(entry.getFileName().toString()).matches());
        } catch (IOException e) {
            return false; // no parent folder: nothing there
        }
    }

    private static Pattern siblingsOf(Path folder) {
        return Pattern.compile("\\." + Pattern.quote(name(folder)) + "\\.(staging|old|trash)-[0-9a-f]{12}");
    }

    private Path sibling(String kind) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return folder.resolveSibling("." + name(folder) + "." + kind + "-" + id);
    }

    private static Path absolute(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            // A link to a folder stays a link: the swap happens where it points.
            return Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String name(Path folder) {
        return folder.getFileName().toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileTree.delete(folder);
        } catch (IOException e) {
            // A folder of the past left behind: the next run on this output folder deletes it.
        }
    }

    private static RuntimeException cannotCreate(Path folder, Path absolute, IOException e) {
        // In the user's hands: a file where a parent folder should be, no permission, a read-only disk.
        if (!(e instanceof FileSystemException failure)) {
            return new UncheckedIOException("cannot create output folder " + folder, e);
        }
        Path file = fileAbove(absolute);
        return new BadInputException("cannot create output folder " + folder + ": " + (file != null
                ? file + " is a file, not a folder"
                : failure.getReason() != null ? failure.getReason() : failure.getClass().getSimpleName()));
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
}

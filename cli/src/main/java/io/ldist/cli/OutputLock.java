package io.ldist.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A lock file beside an output folder ({@code .<name>.lock}), locked with {@link FileChannel#tryLock} for the whole
 * run, so that a second run on the same folder is refused at once instead of splicing its files into the first's.
 * The operating system drops the lock when a process dies, however it dies, so a stale lock file never blocks anyone.
 */
final class OutputLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code file} (creating it), or refuses with exit 2 when another run holds it. */
    static OutputLock acquire(Path file, String folderShown) throws IOException {
        // A run that ends deletes its lock file while holding it. Whoever opened that file just before can then
        // lock a file no longer in place; reading our token back by name tells, and we try the file now there.
        for (int attempt = 0; attempt < 10; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readQuietly(file);
                channel.close();
                throw new BadInputException("output folder " + folderShown + " is in use by another ldist run"
                        + (holder.isEmpty() ? "" : " (process " + holder.split(" ")[0] + ")")
                        + "; wait for it to end, or choose another folder with --out");
            }
            String token = ProcessHandle.current().pid() + " " + UUID.randomUUID();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            if (token.equals(readQuietly(file))) {
                return new OutputLock(file, channel, lock);
            }
            lock.release();
            channel.close();
        }
        throw new IllegalStateException("cannot lock " + file + ": it keeps being replaced");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (tests run ldist in-process), which is in use too
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Removes the lock file, then lets go of the lock (in that order: see {@link #acquire}). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A lock file left behind is harmless: the next run locks it again.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing cannot fail in a way that matters; the lock goes with the process anyway.
        }
    }
}

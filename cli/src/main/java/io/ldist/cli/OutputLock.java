package io.ldist.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock file beside an output folder ({@code .<name>.lock}), locked with {@link FileChannel#tryLock} for the whole
 * run, so that a second run on the same folder is refused at once instead of splicing its files into the first's.
 * The operating system drops the lock when a process dies, however it dies, so a stale lock file blocks no one.
 * <p>
 * The file stays once the run ends (emptied). Deleting it would let a run that opened it just before lock a file
 * no longer in place while a third run locks a new one, and checking by reading it back cannot work: on Linux,
 * closing any descriptor of a file drops every lock the process holds on it.
 */
final class OutputLock implements AutoCloseable {
    /** Lock files this JVM holds: the operating system's locks are per process and cannot tell its runs apart. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

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
        if (!HELD_HERE.add(file)) {
            throw inUse(folderShown, Long.toString(ProcessHandle.current().pid()));
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = content(channel);
                channel.close();
                throw inUse(folderShown, holder);
            }
            // The process id, for the message of a run refused meanwhile.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new OutputLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    private static BadInputException inUse(String folderShown, String holder) {
        return new BadInputException("output folder " + folderShown + " is in use by another ldist run"
                + (holder.isBlank() ? "" : " (process " + holder.strip() + ")")
                + "; wait for it to end, or choose another folder with --out");
    }

    private static String content(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Empties the lock file and lets go of the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            // A process id left in the file is harmless: only a run holding the lock is named.
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing cannot fail in a way that matters; the lock goes with the process anyway.
        } finally {
            HELD_HERE.remove(file);
        }
    }
}

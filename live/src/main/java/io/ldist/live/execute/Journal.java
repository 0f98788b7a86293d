package io.ldist.live.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The live driver's append-only journal: one JSON object per line. Every mutating cloud or hypervisor call is
 * written as an intent, forced to disk, made, then written as done (or failed) and forced again, so that after a
 * crash at any point a restart knows which calls may have happened and checks them instead of repeating them.
 * Every entry is forced before {@link #append} returns, task records too: a client told where its task runs can
 * rely on a restart knowing it.
 *
 * <p>One process at a time: opening takes an exclusive lock on {@code journal.lock} beside it. A last line cut
 * short by a crash is ignored on reading (and reported by {@link #tornTail()}).
 */
public final class Journal implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<JsonNode> read;
    private final boolean tornTail;
    private final boolean readOnly;
    private long nextSeq;

    private Journal(Path file, FileChannel channel, FileChannel lockChannel, FileLock lock, List<JsonNode> read,
                    boolean tornTail) {
        this.readOnly = channel == null;
        this.file = file;
        this.channel = channel;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.read = read;
        this.tornTail = tornTail;
        long seq = 0;
        for (JsonNode entry : read) {
            seq = Math.max(seq, entry.path("seq").asLong(0));
        }
        this.nextSeq = seq + 1;
    }

    /** Opens (creating if needed) the journal in {@code dir}, reading what it holds. */
    public static Journal open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("journal.jsonl");
            FileChannel lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException(dir + ": another ldist live process holds this journal"
                        + " (journal.lock); stop it first");
            }
            try {
                List<JsonNode> entries = new ArrayList<>();
                boolean torn = false;
                long validBytes = 0;
                if (Files.exists(file)) {
                    byte[] bytes = Files.readAllBytes(file);
                    int start = 0;
                    int lineNumber = 0;
                    for (int i = 0; i < bytes.length; i++) {
                        if (bytes[i] == '\n') {
                            lineNumber++;
                            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                            if (!line.isBlank()) {
                                entries.add(parse(file, lineNumber, line));
                            }
                            start = i + 1;
                            validBytes = start;
                        }
                    }
                    torn = start < bytes.length;
                }
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(validBytes); // a torn last line never was an entry
                channel.position(validBytes);
                return new Journal(file, channel, lockChannel, lock, Collections.unmodifiableList(entries), torn);
            } catch (RuntimeException | IOException e) {
                lock.release(); // a journal that cannot be read is not held: fixing it must not need a restart
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot open the journal: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the journal without taking its lock or ever writing to it ({@code ldist live plan}, which may run beside
     * {@code ldist live run}): appends are dropped. A missing journal reads as empty.
     */
    public static Journal openReadOnly(Path dir) {
        Path file = dir.resolve("journal.jsonl");
        List<JsonNode> entries = new ArrayList<>();
        boolean torn = false;
        try {
            if (Files.exists(file)) {
                List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
                String last = lines.remove(lines.size() - 1);
                torn = !last.isEmpty();
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        entries.add(parse(file, i + 1, lines.get(i)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read the journal: " + e.getMessage(), e);
        }
        return new Journal(file, null, null, null, Collections.unmodifiableList(entries), torn);
    }

    public boolean readOnly() {
        return readOnly;
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject() || !node.hasNonNull("t")) {
                throw new IllegalStateException(file + ":" + line + ": not a journal entry (no \"t\"): " + text);
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(file + ":" + line + ": not JSON: " + e.getMessage(), e);
        }
    }

    /** Entries as read at opening, oldest first. */
    public List<JsonNode> entries() {
        return read;
    }

    public boolean tornTail() {
        return tornTail;
    }

    public Path file() {
        return file;
    }

    /** A new entry of type {@code type}, to fill and {@link #append}. */
    public ObjectNode entry(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("t", type);
        return node;
    }

    /** The sequence number for the next intent. */
    public synchronized long nextSeq() {
        return nextSeq++;
    }

    /** Appends one entry and forces it to disk. */
    public synchronized void append(ObjectNode entry) {
        if (readOnly) {
            return;
        }
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (readOnly) {
            return;
        }
        try {
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close the journal: " + e.getMessage(), e);
        }
    }
}

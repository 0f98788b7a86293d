package io.ldist.live.execute;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.EngineMemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine remembers across decisions (threshold scaling's load window and cooldown, the circuit breakers),
 * kept in {@code memory.json} beside the journal so that a restart decides as the process before it would have.
 * Written after every whole decision to a temporary file, forced, then moved over the old one: a crash leaves the
 * previous memory or the new one, never half of one. Each part is read back as the type the fresh engine's own
 * step remembers with (never a type named in the file).
 */
public final class EngineMemoryFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Path file;

    public EngineMemoryFile(Path dir) {
        this.file = dir.resolve("memory.json");
    }

    public Path file() {
        return file;
    }

    public void save(EngineMemory memory, double atS) {
        ObjectNode root = toJson(memory);
        root.put("atS", atS);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(root));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot save the engine's memory: " + e.getMessage(), e);
        }
    }

    /**
     * Gives the engine back what it remembered, if the file exists. A file from an engine of other settings (other
     * steps) is refused with what differs: deciding from memory that is not the engine's own would be worse than
     * starting afresh, which the message suggests.
     */
    public boolean restore(Engine engine) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            engine.recall(fromJson(JSON.readTree(file.toFile()), engine, file.toString()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the engine's memory: " + e.getMessage(), e);
        }
    }

    /** The memory as JSON: each step's part with the name of its type (checked, never trusted, on the way back). */
    public static ObjectNode toJson(EngineMemory memory) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode parts = root.putArray("parts");
        for (Object part : memory.parts()) {
            if (part == null) {
                parts.addNull();
            } else {
                ObjectNode node = parts.addObject();
                node.put("type", part.getClass().getName());
                node.set("value", JSON.valueToTree(part));
            }
        }
        return root;
    }

    /**
     * Reads memory written by {@link #toJson} for {@code engine} (a fresh engine of the same settings), each part as
     * the type that engine's own step remembers with. Memory of other settings is refused, naming {@code source}.
     */
    public static EngineMemory fromJson(JsonNode root, Engine engine, String source) throws IOException {
        EngineMemory fresh = engine.remember();
        JsonNode parts = root.path("parts");
        if (!parts.isArray() || parts.size() != fresh.parts().size()) {
            throw new IllegalStateException(source + ": memory of an engine of " + parts.size()
                    + " steps, this config's has " + fresh.parts().size()
                    + " (the policies changed?); move the file away to start without memory");
        }
        List<Object> restored = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Object own = fresh.parts().get(i);
            JsonNode part = parts.get(i);
            if (own == null || part.isNull()) {
                if ((own == null) != part.isNull()) {
                    throw new IllegalStateException(source + ": step " + i + " remembers differently than this "
                            + "config's (the policies changed?); move the file away to start without memory");
                }
                restored.add(null);
                continue;
            }
            if (!own.getClass().getName().equals(part.path("type").asText())) {
                throw new IllegalStateException(source + ": step " + i + " remembered a " + part.path("type").asText()
                        + ", this config's step remembers a " + own.getClass().getName()
                        + " (the policies changed?); move the file away to start without memory");
            }
            restored.add(JSON.treeToValue(part.path("value"), own.getClass()));
        }
        return new EngineMemory(restored);
    }
}

package io.ldist.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.ldist.reports.Provenance;
import io.ldist.sim.record.RunOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * results.provenance.json, beside a comparison's results.csv: a sidecar rather than a commented header, so
 * that every CSV reader still reads results.csv as it is.
 */
public final class ProvenanceFile {
    private ProvenanceFile() {
    }

    public static void write(Path folder, Provenance provenance) {
        String text = JsonText.of(provenance);
        RunOutput.writeAtomically(folder.resolve(Provenance.FILE), out -> out.write(text));
    }

    /** The provenance in {@code folder}; empty when there is none (results of an earlier ldist). */
    public static Optional<Provenance> read(Path folder) {
        Path file = folder.resolve(Provenance.FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonText.JSON.readValue(file.toFile(), Provenance.class));
        } catch (JacksonException e) {
            throw new BadInputException(file + ": not a provenance record as ldist compare writes it ("
                    + e.getOriginalMessage() + "); the file was edited: delete it, or run the comparison again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

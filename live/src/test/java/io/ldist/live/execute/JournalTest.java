package io.ldist.live.execute;

import io.ldist.engine.EngineSettings;
import io.ldist.engine.decide.Engine;
import io.ldist.live.fakes.LiveConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void aLastLineCutShortByACrashIsDroppedAndTheRestIsKept() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"t\":\"open\",\"incarnation\":\"ab\"}\n{\"t\":\"intent\",\"seq\":1}\n{\"t\":\"do",
                StandardCharsets.UTF_8);
        try (Journal journal = Journal.open(dir)) {
            assertThat(journal.tornTail()).isTrue();
            assertThat(journal.entries()).extracting(e -> e.path("t").asText()).containsExactly("open", "intent");
            assertThat(journal.nextSeq()).isEqualTo(2);
            journal.append(journal.entry("done").put("seq", 1));
        }
        assertThat(Files.readAllLines(file)).hasSize(3).last().asString().isEqualTo("{\"t\":\"done\",\"seq\":1}");
    }

    @Test
    void aDamagedLineInsideTheJournalIsRefusedWithItsFileAndLineAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        String text = "{\"t\":\"open\"}\n{\"t\" oops}\n{\"t\":\"intent\",\"seq\":1}\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Journal.open(dir)).hasMessageStartingWith(file + ":2: not JSON");
        Files.writeString(file, "{\"t\":\"open\"}\n\n[1,2]\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Journal.open(dir)).hasMessageStartingWith(file + ":3: not a journal entry");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Journal.openReadOnly(dir)).hasMessageStartingWith(file + ":2: not JSON");
        assertThat(Files.readString(file)).isEqualTo(text);
        // the failed opening let go of its lock
        Files.writeString(file, "{\"t\":\"open\"}\n", StandardCharsets.UTF_8);
        Journal.open(dir).close();
    }

    @Test
    void aReadOnlyJournalNeverWrites() throws Exception {
        try (Journal journal = Journal.open(dir)) {
            journal.append(journal.entry("open"));
            try (Journal reader = Journal.openReadOnly(dir)) {
                reader.append(reader.entry("intent"));
                assertThat(reader.entries()).hasSize(1);
            }
        }
        assertThat(Files.readAllLines(dir.resolve("journal.jsonl"))).hasSize(1);
    }

    @Test
    void engineMemoryComesBackAndMemoryOfOtherPoliciesIsRefused() throws Exception {
        EngineSettings settings = LiveConfigs.demo(dir, 2, 6, 1, LiveConfigs.roomy()).engine();
        Engine engine = settings.newEngine();
        EngineMemoryFile file = new EngineMemoryFile(dir);
        assertThat(file.restore(engine)).isFalse();
        file.save(engine.remember(), 60);
        assertThat(file.restore(settings.newEngine())).isTrue();

        EngineSettings fixedFleet = new EngineSettings(settings.rules(), settings.scorer(), settings.weights(),
                settings.placement(), null, null, null, false, null, 3, null, settings.template(), settings.context());
        String saved = Files.readString(file.file());
        assertThatThrownBy(() -> file.restore(fixedFleet.newEngine()))
                .hasMessageContaining(file.file().toString()).hasMessageContaining("move the file away");
        assertThat(Files.readString(file.file())).isEqualTo(saved);
    }
}

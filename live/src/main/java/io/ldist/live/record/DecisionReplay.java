package io.ldist.live.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ldist.engine.decide.Engine;
import io.ldist.engine.decide.Trigger;
import io.ldist.engine.plan.Plan;
import io.ldist.live.execute.EngineMemoryFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows an engine the views a recording holds, call by call in the recorded order, starting from the memory the
 * recorded engine had, and compares each plan it returns with the recorded one. An engine of the same settings
 * that decides as the live one did returns the same plans, every one of them; the first differences are kept with
 * where they are.
 */
public final class DecisionReplay {
    /** Differences kept in full; the count goes on. */
    public static final int DIFFERENCES_KEPT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded call whose plan the replaying engine did not repeat. */
    public record Difference(int line, String call, double atS, List<String> recorded, List<String> replayed) {
        /** The first plan line that differs, as "recorded → replayed" (a missing line shows as "(none)"). */
        public String firstDifference() {
            for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
                String a = i < recorded.size() ? recorded.get(i) : "(none)";
                String b = i < replayed.size() ? replayed.get(i) : "(none)";
                if (!a.equals(b)) {
                    return "action " + (i + 1) + ": recorded " + a + ", replayed " + b;
                }
            }
            return "none";
        }
    }

    /** How the replay went: calls replayed, how many gave the recorded plan, the first differences. */
    public record Result(int calls, int wholeDecisions, int taskDecisions, int identical, int differing,
                         List<Difference> differences) {
        public boolean allIdentical() {
            return differing == 0;
        }
    }

    private DecisionReplay() {
    }

    /** Replays {@code dir}'s {@value DecisionRecorder#DECISIONS} on {@code engine} (fresh, of the settings to check). */
    public static Result replay(Path dir, Engine engine, TypeCatalogue types) {
        Path file = dir.resolve(DecisionRecorder.DECISIONS);
        int calls = 0;
        int whole = 0;
        int perTask = 0;
        int identical = 0;
        int differing = 0;
        List<Difference> differences = new ArrayList<>();
        boolean started = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = parse(file, number, text);
                String kind = line.path("kind").asText();
                try {
                    if (kind.equals("start")) {
                        if (started) {
                            throw new IllegalArgumentException("a second start line: one recording per folder");
                        }
                        engine.recall(EngineMemoryFile.fromJson(line.path("memory"), engine, file + ":" + number));
                        started = true;
                        continue;
                    }
                    if (!started) {
                        throw new IllegalArgumentException("expected the start line first, found '" + kind + "'");
                    }
                    RecordedView view = ViewCodec.read(line.path("view"), types);
                    Plan plan;
                    if (kind.equals("decide")) {
                        plan = engine.decide(view, Trigger.valueOf(line.path("trigger").asText()));
                        whole++;
                    } else if (kind.equals("dispatch")) {
                        plan = engine.dispatch(view, ViewCodec.readChanges(line.path("changes")));
                        perTask++;
                    } else {
                        throw new IllegalArgumentException("expected a line of kind start, decide or dispatch, found '"
                                + kind + "'");
                    }
                    calls++;
                    List<String> recorded = new ArrayList<>();
                    line.path("plan").forEach(a -> recorded.add(a.asText()));
                    List<String> replayed = PlanText.lines(plan);
                    if (recorded.equals(replayed)) {
                        identical++;
                    } else {
                        differing++;
                        if (differences.size() < DIFFERENCES_KEPT) {
                            differences.add(new Difference(number, kind, view.nowS(), recorded, replayed));
                        }
                    }
                } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                    throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + ": no recording here (expected " + DecisionRecorder.DECISIONS
                    + "; record one with ldist live run --record " + dir + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (!started) {
            throw new IllegalArgumentException(file + ": empty recording (no start line)");
        }
        return new Result(calls, whole, perTask, identical, differing, List.copyOf(differences));
    }

    private static JsonNode parse(Path file, int number, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new IllegalArgumentException(file + ":" + number + ": expected a JSON object per line");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + number + ": not JSON (" + e.getOriginalMessage()
                    + "): a recording cut off by a crash loses only its last line, which can be deleted", e);
        }
    }
}

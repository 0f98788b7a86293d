package io.ldist.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON as ldist writes its small files (run.json, results.provenance.json): indented, {@code "key": value}. */
final class JsonText {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private JsonText() {
    }

    /** The value as indented JSON, ending with a line end. */
    static String of(Object value) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(value).replace("\r\n", "\n") + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("ldist's JSON files hold plain data", e);
        }
    }
}

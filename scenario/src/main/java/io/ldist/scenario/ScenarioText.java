package io.ldist.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text of a scenario, checked before YAML sees it. The YAML parser reports bytes that are not UTF-8 as a bare
 * {@code MalformedInputException} and a control character at 1:1 whatever its place; here both are found where
 * they are and said in the user's words. A UTF-8 byte-order mark (spreadsheets and some editors write one) is
 * accepted and dropped.
 */
final class ScenarioText {
    private static final char BOM = '\uFEFF';

    private ScenarioText() {
    }

    /** The UTF-8 text of a file's bytes, or a problem at the line and column of the first byte that is not UTF-8. */
    static String decode(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return withoutBom(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                    || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
                throw new ScenarioException(new ScenarioProblem(displayName, Optional.of(SourcePosition.at(1, 1)), "",
                        "", "the file is UTF-16 text (its byte-order mark says so): save the scenario as UTF-8"));
            }
            int bad = firstBadByte(bytes);
            String good = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw new ScenarioException(new ScenarioProblem(displayName, Optional.of(positionAfter(good)), "",
                    "", String.format(Locale.ROOT, "the byte 0x%02X is not UTF-8 text: save the scenario as UTF-8 "
                    + "(it looks like another encoding, such as Latin-1 or Windows-1252)", bytes[bad] & 0xFF)));
        }
    }

    /**
     * Refuses a character YAML does not allow in a file (a NUL or another control character, other than tab and
     * line ends), at its own line and column.
     */
    static String checkPrintable(String text, String displayName) {
        String body = withoutBom(text);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!printable(c)) {
                throw new ScenarioException(new ScenarioProblem(displayName,
                        Optional.of(positionAfter(body.substring(0, i))), "", "",
                        "the control character " + name(c) + ", which a YAML file may not hold (a binary file, or "
                                + "text damaged in a copy?)"));
            }
        }
        return body;
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** YAML 1.2's printable set: tab, line ends, and everything from space up except DEL, C1 controls and U+FFFE/F. */
    private static boolean printable(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || c == 0x85
                || (c >= 0xA0 && c != 0xFFFE && c != 0xFFFF);
    }

    private static String name(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        return switch (c) {
            case 0 -> code + " (NUL)";
            case 0x1B -> code + " (ESC)";
            case 0x7F -> code + " (DEL)";
            default -> code;
        };
    }

    /** The 1-based line and column of the character that follows {@code before}. */
    private static SourcePosition positionAfter(String before) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return SourcePosition.at(line, column);
    }

    /** The index of the first byte at which UTF-8 decoding fails. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}

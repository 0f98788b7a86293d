package io.ldist.scenario.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The lines of a data file, read strictly as UTF-8 (ASCII is a part of it): a byte that is not UTF-8 is refused at
 * its line, not reported as a bare {@code MalformedInputException}. A UTF-8 byte-order mark, which spreadsheets
 * write at the start of a saved CSV, is dropped, and said as a notice. Lines end in LF or CRLF.
 */
final class TextFiles {
    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    static List<String> lines(Path file, Consumer<String> notices) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new TraceFormatException(file, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new TraceFormatException(file, 0, "cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new TraceFormatException(file, 0, "cannot read: a file of " + sizeOf(file)
                    + " does not fit in memory");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                    || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
                throw new TraceFormatException(file, 1, "expected UTF-8 text, found UTF-16 (its byte-order mark says "
                        + "so): save the file as UTF-8");
            }
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new TraceFormatException(file, line, String.format(Locale.ROOT, "expected UTF-8 text, found the "
                    + "byte 0x%02X, which is not UTF-8 (save the file as UTF-8 or plain ASCII)", bytes[bad] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            notices.accept(file + ": a UTF-8 byte-order mark at the start of the file, skipped");
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.endsWith("\r") ? text.substring(start, text.length() - 1) : text.substring(start));
        }
        return lines;
    }

    private static String sizeOf(Path file) {
        try {
            return String.format(Locale.ROOT, "%,d bytes", Files.size(file));
        } catch (IOException e) {
            return "this size";
        }
    }
}

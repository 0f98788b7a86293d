package io.ldist.live.hypervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources under {@code hypervisor/}, read as text exactly as stored (CRLF kept: 5.1 writes CRLF). */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/hypervisor/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource hypervisor/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ldist.cli.liveconfig;

import io.ldist.scenario.FieldReader;
import io.ldist.scenario.Phrases;
import io.ldist.scenario.Units;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.live.LiveConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The {@code live.api} section: where the distributor's HTTP API listens and what it accepts. Bound to a loopback
 * address unless told otherwise; bound anywhere else it needs a bearer token, so the token file must be given.
 */
final class ApiSection {
    private static final String AT = "/live/api";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    static final double DEFAULT_MAX_BODY_MIB = 16.0 / 1024;
    static final int DEFAULT_MAX_QUEUED = 10_000;
    static final double DEFAULT_LEASE_S = 3600;
    private static final double MAX_BODY_MIB = 64;
    private static final int BYTES_PER_MIB = 1024 * 1024;
    /** A host name, an IPv4 address, or an IPv6 address (bare or in brackets). */
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[?::1]?");

    private final FieldReader in;

    ApiSection(FieldReader in) {
        this.in = in;
    }

    /** The binding, or null after recording why not. */
    LiveConfig.ApiBinding read() {
        int before = in.problems().size();
        String host = host();
        int port = in.integer(AT + "/port", DEFAULT_PORT);
        Path tokenFile = tokenFile();
        if (host != null && tokenFile == null && !in.has(AT + "/tokenFile") && !LOOPBACK.matcher(host).matches()) {
            in.problem(AT + "/host", "a loopback address (127.0.0.1, ::1 or localhost), or a tokenFile as well: "
                    + "clients on other machines must send a bearer token",
                    Phrases.quote(host) + " without a tokenFile");
        }
        int maxBody = maxBodyBytes();
        int queued = in.integer(AT + "/maxQueuedTasks", DEFAULT_MAX_QUEUED);
        double lease = in.positiveDuration(AT + "/lease", DEFAULT_LEASE_S);
        if (in.problems().size() > before || host == null || port < 0 || port > 65535 || maxBody < 64
                || queued < 1) {
            return null;
        }
        return new LiveConfig.ApiBinding(host, port, tokenFile, maxBody, queued, lease);
    }

    private String host() {
        JsonNode node = in.node(AT + "/host");
        if (node == null) {
            return DEFAULT_HOST;
        }
        if (!node.isTextual()) {
            return null;
        }
        if (!HOST.matcher(node.textValue()).matches()) {
            in.problem(AT + "/host", "a host name or an IP address to bind, such as 127.0.0.1 or 0.0.0.0",
                    Phrases.describe(node));
            return null;
        }
        return node.textValue();
    }

    private Path tokenFile() {
        if (!in.has(AT + "/tokenFile")) {
            return null;
        }
        Path file = in.path(AT + "/tokenFile");
        if (file != null && !Files.isRegularFile(file)) {
            in.problem(AT + "/tokenFile", "a file holding the API's bearer token", Phrases.describe(
                    in.node(AT + "/tokenFile")) + " (" + file + "), which " + (Files.isDirectory(file)
                    ? "is a folder" : "does not exist"));
            return null;
        }
        return file;
    }

    /** The largest body in bytes, from a size (16KiB); at least 64 bytes, at most 64 MiB. */
    private int maxBodyBytes() {
        String at = AT + "/maxBody";
        double mib = in.positiveQuantity(at, Units.SIZE, DEFAULT_MAX_BODY_MIB);
        if (Double.isNaN(mib)) {
            return 0;
        }
        long bytes = Math.round(mib * BYTES_PER_MIB);
        if (bytes < 64 || mib > MAX_BODY_MIB) {
            in.problem(at, "a size of at least 64 bytes and at most 64MiB, such as 16KiB (a bare number is MiB)",
                    Phrases.describe(in.node(at)));
            return 0;
        }
        return (int) bytes;
    }
}

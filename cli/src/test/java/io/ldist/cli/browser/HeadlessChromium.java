package io.ldist.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol (a WebSocket, JSON messages): enough to open
 * a page, wait for it to load, ask it questions in JavaScript and take a screenshot. The flags keep Chromium
 * off the network (this machine's is closed) and out of the user's profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^/]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final String endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, Path profile, String endpoint) {
        this.process = process;
        this.profile = profile;
        this.endpoint = endpoint;
    }

    /** Where Chromium is: the system property {@code ldist.chromium}, or Debian's /usr/bin/chromium. */
    public static Path executable() {
        return Path.of(System.getProperty("ldist.chromium", "/usr/bin/chromium"));
    }

    public static HeadlessChromium start() throws IOException {
        Path binary = executable();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no Chromium at " + binary + ": .ci/run installs it (apt-get install "
                    + "chromium), or name another with -Dldist.chromium=PATH");
        }
        Path profile = Files.createTempDirectory("ldist-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> listeningOn(process));
        try {
            return new HeadlessChromium(process, profile, endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not open its DevTools port within " + TIMEOUT, e);
        }
    }

    /** Reads Chromium's standard error until it says where DevTools listen; keeps draining it afterwards. */
    private static String listeningOn(Process process) {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    String found = m.group(1);
                    Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                    drain.setDaemon(true);
                    drain.start();
                    return found.replace("ws://", "http://");
                }
            }
            throw new IllegalStateException("Chromium ended before opening its DevTools port");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code page} in a new tab and waits until it has loaded (images included). */
    public Page open(Path page) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/json/new?"
                + page.toAbsolutePath().toUri())).PUT(HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build();
        JsonNode target = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        Page opened = new Page(http, URI.create(target.get("webSocketDebuggerUrl").asText()));
        opened.evaluate("new Promise(done => document.readyState === 'complete' ? done(true)"
                + " : window.addEventListener('load', () => done(true)))");
        return opened;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A profile left in the temp folder harms nothing.
        }
    }

    /** One tab, spoken to over its own WebSocket. */
    public static final class Page {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

        private Page(HttpClient http, URI socketUri) {
            this.socket = http.newWebSocketBuilder().buildAsync(socketUri, new Replies()).join();
        }

        /** Sends one DevTools command and waits for its result. */
        public JsonNode send(String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            waiting.put(id, reply);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(message.toString(), true).join();
            try {
                JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (answer.has("error")) {
                    throw new IllegalStateException(method + ": " + answer.get("error"));
                }
                return answer.get("result");
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException(method + ": no answer within " + TIMEOUT, e);
            }
        }

        /** The value of a JavaScript expression (promises awaited); an exception in the page fails the call. */
        public JsonNode evaluate(String expression) {
            JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("in the page: " + result.get("exceptionDetails"));
            }
            return result.get("result").get("value");
        }

        /** The sources of images that did not load (broken, or not loaded at all). */
        public List<String> brokenImages() {
            JsonNode broken = evaluate("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                    + ".map(i => i.src.substring(0, 80))");
            return JSON.convertValue(broken, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        }

        /** For each table, in document order, the number of rows in its body. */
        public List<Integer> tableBodyRows() {
            JsonNode rows = evaluate("Array.from(document.querySelectorAll('table'))"
                    + ".map(t => t.tBodies.length ? t.tBodies[0].rows.length : 0)");
            return JSON.convertValue(rows, JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
        }

        /** A PNG of the whole page at {@code width} CSS pixels. */
        public void screenshot(Path png, int width) throws IOException {
            int height = evaluate("document.documentElement.scrollHeight").asInt();
            send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
        }

        private final class Replies implements WebSocket.Listener {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(partial.toString());
                        if (message.has("id")) {
                            CompletableFuture<JsonNode> reply = waiting.remove(message.get("id").asInt());
                            if (reply != null) {
                                reply.complete(message);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        partial.setLength(0);
                    }
                }
                webSocket.request(1);
                return null;
            }
        }
    }
}

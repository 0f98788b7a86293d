package io.ldist.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every bad request gets its status and a message naming the fault, as JSON, and changes nothing: the distributor
 * is asked afterwards and has accepted no task, and its counters did not move.
 */
class BadRequestTest {

    private static final int LIMIT = 256;

    private FakeDistributor distributor;
    private DistributorApi api;
    private TestClient client;

    @BeforeEach
    void start() {
        distributor = FakeDistributor.small();
        api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort().withMaxBodyBytes(LIMIT)).start();
        client = new TestClient(api.uri(), null);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    static Stream<Arguments> badSubmissions() {
        String big = "{\"cpuMips\": 1, \"ramMb\": " + "1".repeat(LIMIT) + "}";
        return Stream.of(
                arguments("", 400, "the body is empty", null),
                arguments("   \n", 400, "the body is empty", null),
                arguments("cpuMips=1000", 400, "the body is not valid JSON (line 1, column 1)", null),
                arguments("{\"cpuMips\": 1000", 400, "the body is not valid JSON", null),
                arguments("[1000]", 400, "the body must be a JSON object", null),
                arguments("1000", 400, "the body must be a JSON object", null),
                arguments("null", 400, "the body must be a JSON object", null),
                arguments("{}", 400, "cpuMips is required", "cpuMips"),
                arguments("{\"gpus\": 1}", 400, "cpuMips is required", "cpuMips"),
                arguments("{\"cpuMips\": null}", 400, "cpuMips is required", "cpuMips"),
                arguments("{\"cpuMips\": 0}", 400, "cpuMips must be > 0, got 0.0", "cpuMips"),
                arguments("{\"cpuMips\": -5}", 400, "cpuMips must be > 0, got -5.0", "cpuMips"),
                arguments("{\"cpuMips\": \"1000\"}", 400, "cpuMips must be a number, not a string", "cpuMips"),
                arguments("{\"cpuMips\": true}", 400, "cpuMips must be a number, not a boolean", "cpuMips"),
                arguments("{\"cpuMips\": [1]}", 400, "cpuMips must be a number, not an array", "cpuMips"),
                arguments("{\"cpuMips\": {\"v\": 1}}", 400, "cpuMips must be a number, not an object", "cpuMips"),
                arguments("{\"cpuMips\": NaN}", 400, "the body is not valid JSON", null),
                arguments("{\"cpuMips\": Infinity}", 400, "the body is not valid JSON", null),
                arguments("{\"cpuMips\": 1e400}", 400, "cpuMips must be a finite number, got 1e400", "cpuMips"),
                arguments("{\"cpuMips\": 1, \"gpus\": -1}", 400, "gpus must be >= 0, got -1.0", "gpus"),
                arguments("{\"cpuMips\": 1, \"ramMb\": -0.5}", 400, "ramMb must be >= 0, got -0.5", "ramMb"),
                arguments("{\"cpuMips\": 1, \"ramMb\": \"2G\"}", 400, "ramMb must be a number, not a string",
                        "ramMb"),
                arguments("{\"cpuMips\": 1, \"deadlineS\": -1}", 400, "deadlineS must be >= 0", "deadlineS"),
                arguments("{\"cpuMips\": 1, \"leaseS\": 0}", 400, "leaseS must be > 0 seconds", "leaseS"),
                arguments("{\"cpuMips\": 1, \"leaseS\": -3}", 400, "leaseS must be > 0 seconds", "leaseS"),
                arguments("{\"cpuMip\": 1}", 400, "unknown field 'cpuMip' did you mean 'cpuMips'?", "cpuMip"),
                arguments("{\"cpuMips\": 1, \"ramMB\": 1}", 400, "unknown field 'ramMB' did you mean 'ramMb'?",
                        "ramMB"),
                arguments("{\"cpuMips\": 1, \"gpu\": 1}", 400, "unknown field 'gpu' did you mean 'gpus'?", "gpu"),
                arguments("{\"cpuMips\": 1, \"priority\": 1}", 400,
                        "unknown field 'priority' (known: cpuMips, gpus, ramMb, deadlineS, leaseS)", "priority"),
                arguments("{\"cpuMips\": 1, \"cpuMips\": 2}", 400, "field 'cpuMips' is given twice", "cpuMips"),
                arguments("{\"cpuMips\": 1} {\"cpuMips\": 2}", 400, "the body holds more after its JSON object",
                        null),
                arguments("{\"cpuMips\": 1}]", 400, "the body is not valid JSON (line 1, column 15)", null),
                arguments(big, 413, "the body is " + big.length() + " bytes; the limit is " + LIMIT, null),
                arguments("{\"cpuMips\": 99000}", 400, "no server type has 99000.0 MIPS", "cpuMips"));
    }

    @ParameterizedTest(name = "[{index}] {1} {0}")
    @MethodSource("badSubmissions")
    void badSubmission_isRefusedAndChangesNothing(String body, int status, String message, String field) {
        Map<String, Long> before = distributor.counters();

        TestClient.Answer answer = client.post("/tasks", body);

        assertRefused(answer, status, message, field);
        assertThat(distributor.accepted()).isEmpty();
        assertThat(distributor.counters()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverTheLimit_is413WithoutContentLength() {
        byte[] big = ("{\"cpuMips\": 1, \"ramMb\": " + "1".repeat(LIMIT * 4) + "}").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = client.request("/tasks").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big)));

        TestClient.Answer answer = client.send(request);

        assertRefused(answer, 413, "the body is over the limit of " + LIMIT + " bytes", null);
        assertThat(distributor.accepted()).isEmpty();
    }

    static Stream<Arguments> badDones() {
        return Stream.of(
                arguments("/tasks/t-1/done", "{\"failed\": \"yes\"}", 400, "failed must be true or false, not a string",
                        "failed"),
                arguments("/tasks/t-1/done", "{\"failed\": 1}", 400, "failed must be true or false, not a number",
                        "failed"),
                arguments("/tasks/t-1/done", "{\"faild\": true}", 400, "did you mean 'failed'?", "faild"),
                arguments("/tasks/t-1/done", "true", 400, "the body must be a JSON object", null),
                arguments("/tasks/t-1/done", "{\"failed\": true", 400, "the body is not valid JSON", null),
                arguments("/tasks/t$1/done", "{}", 400, "task id 't$1' is malformed", "id"),
                arguments("/tasks/" + "x".repeat(129) + "/done", "{}", 400, "is malformed", "id"),
                arguments("/tasks/t-99/done", "{}", 404, "no task 't-99'", "id"));
    }

    @ParameterizedTest(name = "[{index}] {2} {0} {1}")
    @MethodSource("badDones")
    void badDone_isRefusedAndTheTaskKeepsRunning(String path, String body, int status, String message, String field) {
        client.post("/tasks", "{\"cpuMips\": 1}");
        Map<String, Long> before = distributor.counters();

        TestClient.Answer answer = client.post(path, body);

        assertRefused(answer, status, message, field);
        assertThat(distributor.task("t-1").orElseThrow().state()).isEqualTo("running");
        assertThat(distributor.counters()).isEqualTo(before);
    }

    @Test
    void malformedTaskIdOnGet_is400() {
        assertRefused(client.get("/tasks/t%20x"), 400, "task id 't x' is malformed", "id");
    }

    @Test
    void badPercentEncoding_isJettysOwn400AsJson() throws Exception {
        String raw = rawRequest("GET /tasks/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("Content-Type: application/json");
        assertThat(raw.substring(raw.indexOf("\r\n\r\n") + 4)).startsWith("{\"error\":\"Bad Request")
                .doesNotContain("<html");
    }

    @Test
    void unknownProtocolVersion_isJettysOwn505AsJson() throws Exception {
        String raw = rawRequest("GET /healthz NOT-HTTP\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 505");
        assertThat(raw).containsIgnoringCase("Content-Type: application/json").doesNotContain("<html");
    }

    private String rawRequest(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertRefused(TestClient.Answer answer, int status, String message, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.get("error").asText()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        if (field == null) {
            assertThat(json.has("field")).as(answer.body()).isFalse();
        } else {
            assertThat(json.get("field").asText()).isEqualTo(field);
        }
    }
}

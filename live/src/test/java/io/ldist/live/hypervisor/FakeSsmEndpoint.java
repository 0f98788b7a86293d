package io.ldist.live.hypervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A Systems Manager endpoint on 127.0.0.1 speaking JSON 1.1 ({@code X-Amz-Target: AmazonSSM.<Operation>},
 * {@code application/x-amz-json-1.1}), with canned command invocations: moto cannot return a script's output, so
 * this is where Hyper-V's answers come from. Commands are told apart by a piece of their script, invocations by
 * command id.
 *
 * <p>Why not WireMock: {@code org.wiremock:wiremock} brings Jetty 11, and Javalin's Jetty 12 on the same test
 * classpath makes WireMockServer fail to start (NoSuchMethodError in Handler$Wrapper). The JDK's HTTP server does
 * this job with no dependency; {@code wiremock-standalone}, which shades its Jetty, would be the way back.
 */
final class FakeSsmEndpoint implements AutoCloseable {
    static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String operation, String contentType, JsonNode body) {
    }

    private final HttpServer server;
    private final Map<String, String> commandIdByScriptPart = new LinkedHashMap<>();
    private final Map<String, List<String>> invocationsByCommand = new HashMap<>();
    private final Map<String, Integer> pollsByCommand = new HashMap<>();
    private final List<Received> received = new ArrayList<>();
    private String sendError; // "status code" when SendCommand is refused

    FakeSsmEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** An SsmClient as tests build it: endpoint override, us-east-1, static "testing" keys, no SDK retries. */
    SsmClient client() {
        return SsmClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    /** SendCommand of a script containing {@code scriptPart} answers {@code commandId} (first match wins). */
    synchronized void onSend(String scriptPart, String commandId) {
        commandIdByScriptPart.put(scriptPart, commandId);
    }

    /** SendCommand refused with an AWS error. */
    synchronized void onSendError(int httpStatus, String errorCode) {
        sendError = httpStatus + " " + errorCode;
    }

    /**
     * GetCommandInvocation of the command answers these, one per poll, the last one for ever after; a body
     * "!Code" is answered as the AWS error Code (HTTP 400).
     */
    synchronized void invocations(String commandId, String... bodies) {
        invocationsByCommand.put(commandId, List.of(bodies));
        pollsByCommand.put(commandId, 0);
    }

    /** A GetCommandInvocation answer. */
    static String invocation(String commandId, String status, Integer responseCode, String stdout, String stderr) {
        ObjectNode body = JSON.createObjectNode().put("CommandId", commandId).put("InstanceId", "i-any")
                .put("DocumentName", SsmScriptRunner.DOCUMENT).put("Status", status).put("StatusDetails", status);
        if (responseCode != null) {
            body.put("ResponseCode", responseCode);
        }
        body.put("StandardOutputContent", stdout).put("StandardErrorContent", stderr);
        return body.toString();
    }

    static String inProgress(String commandId) {
        return invocation(commandId, "InProgress", -1, "", "");
    }

    static String success(String commandId, String stdout) {
        return invocation(commandId, "Success", 0, stdout, "");
    }

    /** Bodies of the calls made to one operation, in order. */
    synchronized List<JsonNode> requests(String operation) {
        return received.stream().filter(r -> r.operation.equals(operation)).map(Received::body).toList();
    }

    synchronized List<String> contentTypes(String operation) {
        return received.stream().filter(r -> r.operation.equals(operation)).map(Received::contentType).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.startsWith("AmazonSSM.") ? target.substring("AmazonSSM.".length()) : target;
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String[] answer;
            synchronized (this) {
                received.add(new Received(operation, exchange.getRequestHeaders().getFirst("Content-Type"), body));
                answer = answer(operation, body);
            }
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", JSON_11);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {status, body} for one request. */
    private String[] answer(String operation, JsonNode body) {
        switch (operation) {
            case "SendCommand": {
                if (sendError != null) {
                    String[] parts = sendError.split(" ", 2);
                    return error(Integer.parseInt(parts[0]), parts[1]);
                }
                String script = body.path("Parameters").path("commands").path(0).asText();
                for (Map.Entry<String, String> rule : commandIdByScriptPart.entrySet()) {
                    if (script.contains(rule.getKey())) {
                        return ok("{\"Command\":{\"CommandId\":\"" + rule.getValue() + "\",\"Status\":\"Pending\"}}");
                    }
                }
                return error(400, "InvalidDocument");
            }
            case "GetCommandInvocation": {
                String commandId = body.path("CommandId").asText();
                List<String> bodies = invocationsByCommand.get(commandId);
                if (bodies == null) {
                    return error(400, "InvocationDoesNotExist");
                }
                int poll = pollsByCommand.merge(commandId, 1, Integer::sum) - 1;
                String canned = bodies.get(Math.min(poll, bodies.size() - 1));
                return canned.startsWith("!") ? error(400, canned.substring(1)) : ok(canned);
            }
            case "CancelCommand":
                return ok("{}");
            default:
                return error(400, "UnknownOperationException");
        }
    }

    private static String[] ok(String body) {
        return new String[] {"200", body};
    }

    private static String[] error(int status, String code) {
        return new String[] {Integer.toString(status), "{\"__type\":\"" + code + "\",\"message\":\"from the fake\"}"};
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

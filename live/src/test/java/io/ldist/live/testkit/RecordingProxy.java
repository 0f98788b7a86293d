package io.ldist.live.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock proxy in front of an AWS-compatible endpoint (moto) that records every request, as service and action,
 * so a test can check on the wire which calls were sent (a dry run sends no mutating call), and injects faults: the
 * next N requests of an action answered with an error, then passed through again.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(MOTO.endpoint());
 *      AwsClients aws = TestAws.clients(proxy.endpoint())) {
 *     proxy.inject("DescribeInstances", 2, RecordingProxy.Fault.requestLimitExceeded());
 *     ... run the code under test against aws ...
 *     assertThat(proxy.mutatingCalls()).isEmpty();
 *     assertThat(proxy.actions()).containsExactly("ec2:DescribeInstances", ...);
 * }
 * }</pre>
 * Every request passes through a low-priority {@code proxyBaseUrl} catch-all; faults are higher-priority stubs, one
 * WireMock scenario step per failure.
 */
public final class RecordingProxy implements AutoCloseable {
    private static final int PASS_THROUGH = 10;
    private static final int FAULT = 1;
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");

    /**
     * One request as seen by the proxy.
     *
     * @param service the SigV4 signing name: ec2, monitoring (CloudWatch), ssm, ...; "unknown" when unsigned
     * @param action  the Query protocol's Action, the JSON protocol's X-Amz-Target operation, else "METHOD path"
     * @param status  the status the proxy answered (a fault's, or the target's)
     */
    public record Call(String service, String action, int status, String body) {
        /** service:Action, e.g. ec2:RunInstances. */
        public String name() {
            return service + ":" + action;
        }

        /** Anything but Describe*, Get* and List* (AWS's read-only verbs). */
        public boolean mutating() {
            return !(action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("List"));
        }
    }

    /** An answer the proxy gives instead of the target's: an error, or a canned reply moto cannot give. */
    public record Fault(int status, String contentType, String body) {
        /** EC2's throttling: HTTP 503, RequestLimitExceeded in EC2's XML error body. */
        public static Fault requestLimitExceeded() {
            return ec2(503, "RequestLimitExceeded", "Request limit exceeded.");
        }

        /** EC2's throttling code with another status: the SDK knows throttling by its code, whatever the status. */
        public static Fault requestLimitExceeded(int status) {
            return ec2(status, "RequestLimitExceeded", "Request limit exceeded.");
        }

        /** EC2's internal error: HTTP 500, InternalError in EC2's XML error body. */
        public static Fault internalError() {
            return ec2(500, "InternalError", "An internal error has occurred.");
        }

        /** A Query-protocol service's throttling (CloudWatch): HTTP 400, Throttling in an ErrorResponse body. */
        public static Fault throttling() {
            return new Fault(400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                    + "<Message>Rate exceeded</Message></Error><RequestId>ldist-fault</RequestId></ErrorResponse>");
        }

        /** A Query-protocol service's 503 ServiceUnavailable (CloudWatch). */
        public static Fault serviceUnavailable() {
            return new Fault(503, "text/xml", "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable"
                    + "</Code><Message>Service unavailable</Message></Error><RequestId>ldist-fault</RequestId>"
                    + "</ErrorResponse>");
        }

        private static Fault ec2(int status, String code, String message) {
            return new Fault(status, "text/xml;charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message></Error></Errors><RequestID>ldist-fault</RequestID></Response>");
        }
    }

    private final WireMockServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger scenarios = new AtomicInteger();

    private RecordingProxy(URI target) {
        ServeEventListener recorder = new ServeEventListener() {
            @Override
            public String getName() {
                return "ldist-recorder";
            }

            @Override
            public void beforeResponseSent(ServeEvent event, Parameters parameters) {
                Request r = event.getRequest();
                Call call = new Call(service(r), action(r), event.getResponse().getStatus(), r.getBodyAsString());
                synchronized (calls) {
                    calls.add(call);
                }
            }
        };
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)).extensions(recorder));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(PASS_THROUGH)
                .willReturn(aResponse().proxiedFrom(target.toString())));
    }

    /** A proxy on 127.0.0.1 and a free port passing everything to {@code target}. Close it. */
    public static RecordingProxy start(URI target) {
        return new RecordingProxy(Objects.requireNonNull(target, "target"));
    }

    /** Where clients should point instead of the target. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Every request so far, in arrival order (faulted ones included, with their status). */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** {@code service:Action} of every request so far, in order, e.g. [ec2:DescribeInstances, monitoring:GetMetricData]. */
    public List<String> actions() {
        return calls().stream().map(Call::name).toList();
    }

    /** The requests that were not Describe*, Get* or List*. */
    public List<Call> mutatingCalls() {
        return calls().stream().filter(Call::mutating).toList();
    }

    /**
     * The next {@code times} requests of {@code action} (an Action such as "DescribeInstances", or "ec2:RunInstances"
     * to match one service only) get {@code fault}; later ones pass through.
     */
    public void inject(String action, int times, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        String scenario = "fault-" + scenarios.incrementAndGet();
        for (int i = 0; i < times; i++) {
            server.stubFor(requestMatching(r -> MatchResult.of(matches(r, action))).atPriority(FAULT)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(aResponse().withStatus(fault.status()).withHeader("Content-Type", fault.contentType())
                            .withBody(fault.body())));
        }
    }

    /** Forgets the recorded calls (faults not yet served stay armed). */
    public void clearCalls() {
        synchronized (calls) {
            calls.clear();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static boolean matches(Request r, String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return action.equals(action(r));
        }
        return action.substring(0, colon).equals(service(r)) && action.substring(colon + 1).equals(action(r));
    }

    static String service(Request r) {
        String auth = r.getHeader("Authorization");
        Matcher m = auth == null ? null : CREDENTIAL_SCOPE.matcher(auth);
        return m != null && m.find() ? m.group(1) : "unknown";
    }

    static String action(Request r) {
        String target = r.getHeader("X-Amz-Target");
        if (target != null && !target.isEmpty()) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        String body = r.getBodyAsString();
        if (body != null) {
            for (String pair : body.split("&")) {
                if (pair.startsWith("Action=")) {
                    return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return r.getMethod() + " " + r.getUrl();
    }
}

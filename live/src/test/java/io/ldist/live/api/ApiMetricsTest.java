package io.ldist.live.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /metrics parses as the Prometheus text format, names what it should, and its counters grow. */
class ApiMetricsTest {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)");

    private FakeDistributor distributor;
    private DistributorApi api;
    private TestClient client;

    @BeforeEach
    void start() {
        distributor = FakeDistributor.small();
        api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort()).start();
        client = new TestClient(api.uri(), null);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void scrape_isTextFormatWithEveryFamily() {
        client.post("/tasks", "{\"cpuMips\": 1}");
        client.post("/tasks", "{\"cpuMip\": 1}");

        TestClient.Answer answer = client.get("/metrics");
        Map<String, Double> samples = parse(answer.body());

        assertThat(answer.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(samples).containsEntry("ldist_api_requests_total{method=\"POST\",route=\"/tasks\",status=\"201\"}", 1.0)
                .containsEntry("ldist_api_requests_total{method=\"POST\",route=\"/tasks\",status=\"400\"}", 1.0)
                .containsEntry("ldist_api_submit_seconds_count", 2.0)
                .containsEntry("ldist_hosts{state=\"active\"}", 1.0)
                .containsEntry("ldist_hosts{state=\"standby\"}", 0.0)
                .containsEntry("ldist_vms", 3.0)
                .containsEntry("ldist_running_tasks", 1.0)
                .containsEntry("ldist_queued_tasks", 0.0)
                .containsEntry("ldist_tasks_submitted_total", 1.0)
                .containsEntry("ldist_tasks_assigned_total", 1.0)
                .containsEntry("ldist_tasks_queued_total", 0.0)
                .containsEntry("ldist_api_scrape_errors_total", 0.0)
                .containsKey("ldist_api_submit_seconds_bucket{le=\"+Inf\"}");
        assertThat(answer.body()).contains("# TYPE ldist_tasks_submitted_total counter")
                .contains("# TYPE ldist_api_submit_seconds histogram").contains("# TYPE ldist_hosts gauge");
    }

    @Test
    void counters_grow() {
        Map<String, Double> before = parse(client.get("/metrics").body());
        for (int i = 0; i < 3; i++) {
            client.post("/tasks", "{\"cpuMips\": 1}");
        }
        client.post("/tasks/t-1/done", "{}");
        client.get("/tasks/t-2");

        Map<String, Double> after = parse(client.get("/metrics").body());

        assertThat(after.get("ldist_tasks_submitted_total")).isEqualTo(before.get("ldist_tasks_submitted_total") + 3);
        assertThat(after.get("ldist_tasks_finished_total")).isEqualTo(1.0);
        assertThat(after.get("ldist_api_requests_total{method=\"GET\",route=\"/tasks/{id}\",status=\"200\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("ldist_api_requests_total{method=\"POST\",route=\"/tasks/{id}/done\",status=\"200\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("ldist_api_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"))
                .isEqualTo(1.0);
        assertThat(after.get("ldist_running_tasks")).isEqualTo(2.0);
    }

    /** Every line a comment or a sample; a sample named once per label set. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            assertThat(samples.put(key, Double.parseDouble(m.group(3).replace("+Inf", "Infinity"))))
                    .as("once: %s", key).isNull();
        }
        return samples;
    }
}

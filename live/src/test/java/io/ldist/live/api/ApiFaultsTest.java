package io.ldist.live.api;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A distributor that fails or is slow: answers stay JSON, nothing leaks, and stop lets work in flight finish. */
class ApiFaultsTest {

    /** Delegates to a FakeDistributor; submit can be held on a latch, cluster() and health() can throw. */
    private static final class Troubled implements Distributor {
        final FakeDistributor fake = FakeDistributor.small();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold;
        volatile boolean broken;

        @Override
        public TaskTicket submit(TaskSubmission submission) {
            entered.countDown();
            CountDownLatch latch = hold;
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return fake.submit(submission);
        }

        @Override
        public Optional<TaskTicket> task(String id) {
            return fake.task(id);
        }

        @Override
        public TaskTicket finish(String id, boolean failed) {
            return fake.finish(id, failed);
        }

        @Override
        public ClusterReport cluster() {
            if (broken) {
                throw new IllegalStateException("secret internal detail at com.example.Foo");
            }
            ClusterReport.HostReport stale = new ClusterReport.HostReport(0, "i-1", "m5.metal", "ACTIVE", Double.NaN,
                    true, null, null, List.of());
            return new ClusterReport("test", 1, "simulated", List.of(stale), 0, 0);
        }

        @Override
        public PlanReport lastPlan() {
            throw new ApiProblem(200, "a status that is not an error");
        }

        @Override
        public Health health() {
            if (broken) {
                throw new IllegalStateException("journal unwritable");
            }
            return fake.health();
        }

        @Override
        public Map<String, Long> counters() {
            if (broken) {
                throw new IllegalStateException("counters unavailable");
            }
            return fake.counters();
        }
    }

    @Test
    void distributorThrows_is500JsonWithoutDetail_andMetricsStillAnswer() {
        Troubled distributor = new Troubled();
        distributor.broken = true;
        try (DistributorApi api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort()).start()) {
            TestClient client = new TestClient(api.uri(), null);

            TestClient.Answer cluster = client.get("/cluster");
            TestClient.Answer health = client.get("/healthz");
            TestClient.Answer metrics = client.get("/metrics");

            assertThat(cluster.status()).isEqualTo(500);
            assertThat(cluster.json().get("error").asText()).isEqualTo(
                    "internal error; the distributor's log has the details");
            assertThat(cluster.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("ok").asBoolean()).isFalse();
            assertThat(health.body()).doesNotContain("journal");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(ApiMetricsTest.parse(metrics.body())).containsEntry("ldist_api_scrape_errors_total", 2.0)
                    .doesNotContainKey("ldist_vms");
        }
    }

    @Test
    void problemWithANonErrorStatus_is500() {
        try (DistributorApi api = new DistributorApi(new Troubled(), ApiSettings.loopbackOnFreePort()).start()) {
            TestClient.Answer plan = new TestClient(api.uri(), null).get("/plan");

            assertThat(plan.status()).isEqualTo(500);
            assertThat(plan.json().has("error")).isTrue();
        }
    }

    @Test
    void nonFiniteNumbers_areWrittenAsNull() {
        try (DistributorApi api = new DistributorApi(new Troubled(), ApiSettings.loopbackOnFreePort()).start()) {
            TestClient.Answer cluster = new TestClient(api.uri(), null).get("/cluster");

            assertThat(cluster.status()).isEqualTo(200);
            assertThat(cluster.json().get("hosts").get(0).get("cpuUtilization").isNull()).isTrue();
        }
    }

    @Test
    void stop_letsTheRequestInFlightFinish_thenRefusesConnections() throws Exception {
        Troubled distributor = new Troubled();
        distributor.hold = new CountDownLatch(1);
        DistributorApi api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort()).start();
        TestClient client = new TestClient(api.uri(), null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(client.request("/tasks")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cpuMips\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(distributor.entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::stop);
        Thread.sleep(200);
        distributor.hold.countDown();
        stopping.get(10, TimeUnit.SECONDS);

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(distributor.fake.accepted()).hasSize(1);
        assertThatThrownBy(() -> client.get("/healthz")).isInstanceOf(java.io.UncheckedIOException.class);
    }
}

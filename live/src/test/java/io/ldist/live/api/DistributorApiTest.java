package io.ldist.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each route's contract on 127.0.0.1, against {@link FakeDistributor}. */
class DistributorApiTest {

    private FakeDistributor distributor;
    private DistributorApi api;
    private TestClient client;

    @BeforeEach
    void start() {
        distributor = FakeDistributor.small();
        api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort().withDefaultLeaseS(600.0)).start();
        client = new TestClient(api.uri(), null);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void freePort_isBoundOnLoopbackAndExposed() {
        assertThat(api.port()).isPositive();
        assertThat(api.uri().toString()).isEqualTo("http://127.0.0.1:" + api.port());
    }

    @Test
    void submit_answers201WithTicketAndLocation() {
        TestClient.Answer answer = client.post("/tasks", "{\"cpuMips\": 1000, \"gpus\": 1, \"ramMb\": 2048}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode ticket = answer.json();
        assertThat(ticket.get("id").asText()).isEqualTo("t-1");
        assertThat(ticket.get("state").asText()).isEqualTo("running");
        assertThat(ticket.get("instanceId").asText()).isEqualTo(FakeDistributor.INSTANCE);
        assertThat(ticket.get("vm").asText()).isEqualTo("vm-0");
        assertThat(ticket.has("queuePosition")).isTrue();
        assertThat(answer.header("Location")).isEqualTo("/tasks/t-1");
        assertThat(distributor.accepted().get("t-1"))
                .isEqualTo(new TaskSubmission(1000, 1, 2048, null, 600.0));
    }

    @Test
    void submit_onlyCpuMips_defaultsTheRestAndKeepsAGivenLease() {
        client.post("/tasks", "{\"cpuMips\": 500}");
        client.post("/tasks", "{\"cpuMips\": 500, \"deadlineS\": 30, \"leaseS\": 5.5, \"gpus\": null}");

        assertThat(distributor.accepted().values()).containsExactly(
                new TaskSubmission(500, 0, 0, null, 600.0), new TaskSubmission(500, 0, 0, 30.0, 5.5));
    }

    @Test
    void submit_whenSlotsAreFull_isQueuedWithItsPosition() {
        for (int i = 0; i < 6; i++) {
            assertThat(client.post("/tasks", "{\"cpuMips\": 1}").json().get("state").asText()).isEqualTo("running");
        }
        JsonNode queued = client.post("/tasks", "{\"cpuMips\": 1}").json();

        assertThat(queued.get("state").asText()).isEqualTo("queued");
        assertThat(queued.get("queuePosition").asInt()).isZero();
        assertThat(queued.get("host").isNull()).isTrue();
    }

    @Test
    void task_answersItsStateAndUnknownIs404() {
        client.post("/tasks", "{\"cpuMips\": 1}");

        TestClient.Answer known = client.get("/tasks/t-1");
        TestClient.Answer unknown = client.get("/tasks/t-99");

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("state").asText()).isEqualTo("running");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("no task 't-99'");
        assertThat(unknown.json().get("field").asText()).isEqualTo("id");
    }

    @Test
    void done_endsTheTaskAndLetsTheQueuedOneIn() {
        for (int i = 0; i < 7; i++) {
            client.post("/tasks", "{\"cpuMips\": 1}");
        }
        TestClient.Answer done = client.post("/tasks/t-1/done", (String) null);
        TestClient.Answer failed = client.post("/tasks/t-2/done", "{\"failed\": true}");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("state").asText()).isEqualTo("done");
        assertThat(failed.json().get("state").asText()).isEqualTo("failed");
        assertThat(client.get("/tasks/t-7").json().get("state").asText()).isEqualTo("running");
        assertThat(distributor.counters()).containsEntry("tasks_finished", 1L).containsEntry("tasks_failed", 1L);
    }

    @Test
    void done_twice_isTheDistributors409() {
        client.post("/tasks", "{\"cpuMips\": 1}");
        client.post("/tasks/t-1/done", "{}");

        TestClient.Answer again = client.post("/tasks/t-1/done", "{}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).isEqualTo("task 't-1' is done, not running");
    }

    @Test
    void cluster_answersTheDistributorsReport() {
        client.post("/tasks", "{\"cpuMips\": 1}");

        JsonNode cluster = client.get("/cluster").json();

        assertThat(cluster.get("runningTasks").asInt()).isEqualTo(1);
        assertThat(cluster.get("hosts").get(0).get("instanceId").asText()).isEqualTo(FakeDistributor.INSTANCE);
        assertThat(cluster.get("hosts").get(0).get("vms")).hasSize(3);
    }

    @Test
    void plan_answersTheLastPlan() {
        TestClient.Answer plan = client.get("/plan");

        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json().get("status").asText()).isEqualTo("none");
    }

    @Test
    void healthz_is200WhenOkAnd503WithRetryAfterWhenNot() {
        TestClient.Answer ok = client.get("/healthz");
        distributor.health(new Health(false, 120, "last observation 120 s ago"));
        TestClient.Answer stale = client.get("/healthz");

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(stale.status()).isEqualTo(503);
        assertThat(stale.json().get("detail").asText()).isEqualTo("last observation 120 s ago");
        assertThat(stale.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void queueFull_is429WithRetryAfterAndChangesNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(client.post("/tasks", "{\"cpuMips\": 1}").status()).isEqualTo(201);
        }
        TestClient.Answer refused = client.post("/tasks", "{\"cpuMips\": 1}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("error").asText()).isEqualTo("the queue is full (4 tasks)");
        assertThat(distributor.accepted()).hasSize(10);
        assertThat(distributor.queued()).isEqualTo(4);
    }

    @Test
    void distributorsOwn400_keepsItsField() {
        TestClient.Answer refused = client.post("/tasks", "{\"cpuMips\": 99000}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("cpuMips");
        assertThat(distributor.accepted()).isEmpty();
    }

    @Test
    void unknownRouteAndWrongMethod_areJson() {
        TestClient.Answer none = client.get("/nope");
        TestClient.Answer wrongMethod = client.get("/tasks");

        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).startsWith("no route GET /nope");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("error").asText()).startsWith("GET is not allowed on /tasks");
    }

    @Test
    void stopTwice_andPortAfterStop() {
        api.stop();
        api.stop();

        assertThat(api.isRunning()).isFalse();
    }
}

package io.ldist.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on the API over 127.0.0.1: {@code clients} threads each POST /tasks, wait (by GET) while the task
 * is queued, then POST /tasks/{id}/done, until {@code tasks} tasks are done or {@code maxDuration} has passed, which
 * ends it whatever happens. Runs against any {@link Distributor}: it starts its own {@link DistributorApi} on a free
 * loopback port in front of it and stops it after. A 429 is counted and the same task tried again shortly.
 */
final class ApiLoad {

    /** How much load, bounded in count and in time. */
    record Plan(int clients, int tasks, Duration maxDuration) {
        Plan {
            if (clients < 1 || tasks < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
                throw new IllegalArgumentException("clients and tasks must be >= 1 and maxDuration > 0");
            }
        }
    }

    /** What happened: counts, the ids answered, and POST /tasks latency in microseconds. */
    record Result(Plan plan, int submitted, int done, long rejected429, Map<Integer, Long> otherStatuses,
                  int unfinished, Set<String> doneIds, double elapsedS, Histogram submitLatencyUs,
                  Histogram doneLatencyUs) {
        double tasksPerS() {
            return done / elapsedS;
        }

        String report() {
            return String.format(java.util.Locale.ROOT,
                    "ldist API load: %d clients, %d/%d tasks done in %.2f s = %.0f tasks/s sustained "
                            + "(submitted %d, 429s %d, other %s, unfinished %d)%n"
                            + "  POST /tasks      p50 %.3f ms  p99 %.3f ms  p999 %.3f ms  max %.3f ms%n"
                            + "  POST /tasks/done p50 %.3f ms  p99 %.3f ms  p999 %.3f ms  max %.3f ms",
                    plan.clients(), done, plan.tasks(), elapsedS, tasksPerS(), submitted, rejected429,
                    otherStatuses, unfinished, ms(submitLatencyUs, 50), ms(submitLatencyUs, 99),
                    ms(submitLatencyUs, 99.9), submitLatencyUs.getMaxValue() / 1000.0, ms(doneLatencyUs, 50),
                    ms(doneLatencyUs, 99), ms(doneLatencyUs, 99.9), doneLatencyUs.getMaxValue() / 1000.0);
        }

        private static double ms(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BODY = "{\"cpuMips\": 500, \"ramMb\": 256}";

    private final Distributor distributor;

    ApiLoad(Distributor distributor) {
        this.distributor = distributor;
    }

    Result run(Plan plan) throws InterruptedException {
        try (DistributorApi api = new DistributorApi(distributor, ApiSettings.loopbackOnFreePort()).start()) {
            return run(plan, api.uri());
        }
    }

    private Result run(Plan plan, URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + plan.maxDuration().toNanos();
        AtomicInteger claimed = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        AtomicLong rejected = new AtomicLong();
        Map<Integer, Long> others = new ConcurrentHashMap<>();
        Set<String> doneIds = ConcurrentHashMap.newKeySet();
        Recorder submitLatency = new Recorder(3);
        Recorder doneLatency = new Recorder(3);
        Runnable client = () -> {
            while (System.nanoTime() < deadline && claimed.getAndIncrement() < plan.tasks()) {
                try {
                    String id = submit(http, base, deadline, submitLatency, rejected, others);
                    if (id == null) {
                        return;
                    }
                    submitted.incrementAndGet();
                    if (waitRunning(http, base, id, deadline, others) && done(http, base, id, doneLatency, others)) {
                        doneIds.add(id);
                    }
                } catch (IOException e) {
                    others.merge(-1, 1L, Long::sum); // -1: no answer at all
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < plan.clients(); i++) {
            Thread thread = new Thread(client, "api-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 15_000));
        }
        double elapsedS = (System.nanoTime() - start) / 1e9;
        return new Result(plan, submitted.get(), doneIds.size(), rejected.get(), new TreeMap<>(others),
                submitted.get() - doneIds.size(), Set.copyOf(doneIds), elapsedS, submitLatency.getIntervalHistogram(),
                doneLatency.getIntervalHistogram());
    }

    /** The new task's id, or null when the deadline passed first. */
    private static String submit(HttpClient http, URI base, long deadline, Recorder latency, AtomicLong rejected,
                                 Map<Integer, Long> others) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = send(http, post(base.resolve("/tasks"), BODY));
            latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
            if (answer.statusCode() == 201) {
                return MAPPER.readTree(answer.body()).get("id").asText();
            }
            if (answer.statusCode() == 429) {
                rejected.incrementAndGet();
                Thread.sleep(5);
            } else {
                others.merge(answer.statusCode(), 1L, Long::sum);
                return null;
            }
        }
        return null;
    }

    private static boolean waitRunning(HttpClient http, URI base, String id, long deadline,
                                       Map<Integer, Long> others) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = send(http, HttpRequest.newBuilder(base.resolve("/tasks/" + id))
                    .timeout(Duration.ofSeconds(10)).GET().build());
            if (answer.statusCode() != 200) {
                others.merge(answer.statusCode(), 1L, Long::sum);
                return false;
            }
            JsonNode ticket = MAPPER.readTree(answer.body());
            if (ticket.get("state").asText().equals("running")) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private static boolean done(HttpClient http, URI base, String id, Recorder latency, Map<Integer, Long> others)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> answer = send(http, post(base.resolve("/tasks/" + id + "/done"), "{}"));
        latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
        if (answer.statusCode() != 200) {
            others.merge(answer.statusCode(), 1L, Long::sum);
            return false;
        }
        return true;
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

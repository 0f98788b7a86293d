package io.ldist.live.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A test double of the distributor, honest but small: one fake server ({@code i-fake0001}, index 0) with a fixed
 * number of VMs and task slots per VM; a task runs on the first VM with a free slot, else waits in a bounded queue
 * (429 when full); finishing frees the slot and starts the oldest queued task. It records every submission it
 * accepted, so a test can check that a refused request changed nothing. No engine, no clock: times are a counter.
 */
final class FakeDistributor implements Distributor {

    static final String INSTANCE = "i-fake0001";

    private final int vms;
    private final int slotsPerVm;
    private final int queueLimit;
    private final Map<String, TaskTicket> tasks = new LinkedHashMap<>();
    private final Map<String, TaskSubmission> accepted = new LinkedHashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    private final int[] running;
    private final Map<String, Long> counters = new TreeMap<>();
    private long nextId = 1;
    private double nowS;
    private volatile Health health = new Health(true, 0.5, "observed 0.5 s ago");

    FakeDistributor(int vms, int slotsPerVm, int queueLimit) {
        this.vms = vms;
        this.slotsPerVm = slotsPerVm;
        this.queueLimit = queueLimit;
        this.running = new int[vms];
        for (String name : List.of("tasks_submitted", "tasks_assigned", "tasks_queued", "tasks_finished",
                "tasks_failed")) {
            counters.put(name, 0L);
        }
    }

    /** Three VMs of two slots, a queue of four. */
    static FakeDistributor small() {
        return new FakeDistributor(3, 2, 4);
    }

    @Override
    public synchronized TaskTicket submit(TaskSubmission submission) {
        if (submission.cpuMips() > 64_000) {
            throw new ApiProblem(400, "no server type has " + submission.cpuMips() + " MIPS", "cpuMips");
        }
        int vm = freeVm();
        if (vm < 0 && queue.size() >= queueLimit) {
            throw ApiProblem.queueFull("the queue is full (" + queueLimit + " tasks)", 0);
        }
        String id = "t-" + nextId++;
        nowS += 1;
        accepted.put(id, submission);
        count("tasks_submitted");
        Double deadlineAtS = submission.deadlineS() == null ? null : nowS + submission.deadlineS();
        TaskTicket ticket;
        if (vm >= 0) {
            running[vm]++;
            count("tasks_assigned");
            ticket = new TaskTicket(id, "running", 0, INSTANCE, vmName(vm), null, nowS, nowS, null, deadlineAtS);
        } else {
            queue.addLast(id);
            count("tasks_queued");
            ticket = new TaskTicket(id, "queued", null, null, null, queue.size() - 1, nowS, null, null, deadlineAtS);
        }
        tasks.put(id, ticket);
        return ticket;
    }

    @Override
    public synchronized Optional<TaskTicket> task(String id) {
        TaskTicket ticket = tasks.get(id);
        if (ticket != null && ticket.state().equals("queued")) {
            int position = new ArrayList<>(queue).indexOf(id);
            ticket = new TaskTicket(id, "queued", null, null, null, position, ticket.submittedAtS(), null, null,
                    ticket.deadlineAtS());
        }
        return Optional.ofNullable(ticket);
    }

    @Override
    public synchronized TaskTicket finish(String id, boolean failed) {
        TaskTicket ticket = tasks.get(id);
        if (ticket == null) {
            throw new ApiProblem(404, "no task '" + id + "'", "id");
        }
        if (!ticket.state().equals("running")) {
            throw new ApiProblem(409, "task '" + id + "' is " + ticket.state() + ", not running");
        }
        nowS += 1;
        int vm = Integer.parseInt(ticket.vm().substring("vm-".length()));
        running[vm]--;
        count(failed ? "tasks_failed" : "tasks_finished");
        TaskTicket ended = new TaskTicket(id, failed ? "failed" : "done", ticket.host(), ticket.instanceId(),
                ticket.vm(), null, ticket.submittedAtS(), ticket.startedAtS(), nowS, ticket.deadlineAtS());
        tasks.put(id, ended);
        admitQueued();
        return ended;
    }

    @Override
    public synchronized ClusterReport cluster() {
        List<ClusterReport.VmReport> vmReports = new ArrayList<>();
        for (int vm = 0; vm < vms; vm++) {
            vmReports.add(new ClusterReport.VmReport(vm, vmName(vm), "running", running[vm], slotsPerVm));
        }
        ClusterReport.HostReport host = new ClusterReport.HostReport(0, INSTANCE, "m5.metal", "ACTIVE", 0.25, false,
                0.5, null, vmReports);
        return new ClusterReport("test", nowS, "simulated", List.of(host), queue.size(), runningTotal());
    }

    @Override
    public PlanReport lastPlan() {
        return new PlanReport(0, "none", List.of(), List.of());
    }

    @Override
    public Health health() {
        return health;
    }

    void health(Health newHealth) {
        health = newHealth;
    }

    @Override
    public synchronized Map<String, Long> counters() {
        return new TreeMap<>(counters);
    }

    /** Submissions accepted so far, in order, by task id. */
    synchronized Map<String, TaskSubmission> accepted() {
        return new LinkedHashMap<>(accepted);
    }

    synchronized int runningTotal() {
        int total = 0;
        for (int r : running) {
            total += r;
        }
        return total;
    }

    synchronized int queued() {
        return queue.size();
    }

    private void admitQueued() {
        int vm = freeVm();
        if (vm < 0 || queue.isEmpty()) {
            return;
        }
        String id = queue.removeFirst();
        TaskTicket queued = tasks.get(id);
        running[vm]++;
        count("tasks_assigned");
        tasks.put(id, new TaskTicket(id, "running", 0, INSTANCE, vmName(vm), null, queued.submittedAtS(), nowS,
                null, queued.deadlineAtS()));
    }

    private int freeVm() {
        for (int vm = 0; vm < vms; vm++) {
            if (running[vm] < slotsPerVm) {
                return vm;
            }
        }
        return -1;
    }

    private void count(String name) {
        counters.merge(name, 1L, Long::sum);
    }

    private static String vmName(int vm) {
        return "vm-" + vm;
    }
}

package io.ldist.engine.sizing;

import io.ldist.engine.cost.CostModel;
import io.ldist.engine.model.HostType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fleet to size: the VMs with their demands, the catalogue of server types to buy from, at most so many VMs
 * per server, and optionally a finite stock per type.
 *
 * <p>Quantities are held as whole units on five dimensions (MIPS, MiB, thousandths of a GPU, Mbit/s, VM
 * slots), a demand rounded up and a capacity rounded down, so that every solver (jsprit counts in integers)
 * agrees on what fits and what a solver accepts also fits in exact arithmetic.
 */
public final class SizingProblem {
    public static final int CPU = 0;
    public static final int RAM = 1;
    public static final int GPU = 2;
    public static final int NET = 3;
    public static final int SLOTS = 4;
    public static final int DIMENSIONS = 5;
    static final String[] DIMENSION_NAMES = {"CPU", "memory", "GPUs", "network", "VM slots"};

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final List<VmDemand> vms;
    private final List<HostType> types;
    private final int maxVmsPerHost;
    private final double[] prices;
    private final int[] stock;
    private final long[][] demand;
    private final long[][] capacity;
    /** Bit t of fitMask[v]: VM v fits alone on an empty server of type t. */
    private final long[] fitMask;

    /**
     * @param stock servers available per type name; a type not named is unlimited
     */
    public SizingProblem(List<VmDemand> vms, List<HostType> types, int maxVmsPerHost, Map<String, Integer> stock) {
        this(vms, types, maxVmsPerHost, stock, CostModel.NONE);
    }

    /**
     * @param stock servers available per type name; a type not named is unlimited
     * @param costs the licences a server pays per hour on top of its type's price
     */
    public SizingProblem(List<VmDemand> vms, List<HostType> types, int maxVmsPerHost, Map<String, Integer> stock,
                         CostModel costs) {
        this.vms = List.copyOf(vms);
        this.prices = types.stream().mapToDouble(costs::runningUsdPerHour).toArray();
        this.types = List.copyOf(types);
        Objects.requireNonNull(stock, "stock");
        if (this.types.isEmpty() || this.types.size() > 63) {
            throw new IllegalArgumentException("between 1 and 63 server types are needed, got " + this.types.size());
        }
        if (maxVmsPerHost < 1) {
            throw new IllegalArgumentException("maxVmsPerHost must be >= 1, was " + maxVmsPerHost);
        }
        this.maxVmsPerHost = maxVmsPerHost;
        this.stock = new int[this.types.size()];
        this.capacity = new long[this.types.size()][];
        long slots = Math.min(maxVmsPerHost, Math.max(1, this.vms.size()));
        for (int t = 0; t < this.types.size(); t++) {
            HostType type = this.types.get(t);
            Integer count = stock.get(type.name());
            if (count != null && count < 0) {
                throw new IllegalArgumentException("stock of " + type.name() + " must be >= 0, was " + count);
            }
            this.stock[t] = count == null ? UNLIMITED : count;
            capacity[t] = new long[]{floor(type.totalMips()), floor(type.ramMb()), floor(type.gpus() * 1000),
                    floor(type.netMbps()), slots};
        }
        this.demand = new long[this.vms.size()][];
        this.fitMask = new long[this.vms.size()];
        for (int v = 0; v < this.vms.size(); v++) {
            VmDemand vm = this.vms.get(v);
            demand[v] = new long[]{ceil(vm.demand().cpuMips()), ceil(vm.demand().ramMb()),
                    ceil(vm.demand().gpus() * 1000), ceil(vm.demand().netMbps()), 1};
            for (int t = 0; t < this.types.size(); t++) {
                if (fitsAlone(v, t)) {
                    fitMask[v] |= 1L << t;
                }
            }
        }
    }

    private SizingProblem(SizingProblem whole, int[] subset, int[] stockLeft) {
        this.vms = java.util.Arrays.stream(subset).mapToObj(whole.vms::get).toList();
        this.types = whole.types;
        this.maxVmsPerHost = whole.maxVmsPerHost;
        this.prices = whole.prices;
        this.stock = stockLeft.clone();
        this.capacity = new long[whole.capacity.length][];
        long slots = Math.min(maxVmsPerHost, Math.max(1, subset.length));
        for (int t = 0; t < capacity.length; t++) {
            capacity[t] = whole.capacity[t].clone();
            capacity[t][SLOTS] = slots;
        }
        this.demand = new long[subset.length][];
        this.fitMask = new long[subset.length];
        for (int i = 0; i < subset.length; i++) {
            demand[i] = whole.demand[subset[i]];
            fitMask[i] = whole.fitMask[subset[i]];
        }
    }

    /**
     * The same catalogue, prices and VM limit for some of the VMs ({@code subset}, VM i of the result being VM
     * subset[i] here), with {@code stockLeft} servers of each type still to buy.
     */
    SizingProblem subset(int[] subset, int[] stockLeft) {
        return new SizingProblem(this, subset, stockLeft);
    }

    private boolean fitsAlone(int v, int t) {
        HostType type = types.get(t);
        VmDemand vm = vms.get(v);
        if (vm.cores() > type.cores() || vm.demand().cpuMips() / vm.cores() > type.mipsPerCore()) {
            return false;
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            if (demand[v][d] > capacity[t][d]) {
                return false;
            }
        }
        return true;
    }

    private static long ceil(double value) {
        return (long) Math.ceil(value - 1e-9);
    }

    private static long floor(double value) {
        return (long) Math.floor(value + 1e-9);
    }

    public List<VmDemand> vms() {
        return vms;
    }

    public int vmCount() {
        return vms.size();
    }

    public List<HostType> types() {
        return types;
    }

    public int typeCount() {
        return types.size();
    }

    public int maxVmsPerHost() {
        return maxVmsPerHost;
    }

    /** Servers of type {@code t} that may be bought; {@link Integer#MAX_VALUE} when unlimited. */
    public int stock(int t) {
        return stock[t];
    }

    public boolean limitedStock(int t) {
        return stock[t] != UNLIMITED;
    }

    /** VM {@code v}'s demand on dimension {@code d}, in whole units. */
    public long demand(int v, int d) {
        return demand[v][d];
    }

    /** A server of type {@code t}'s capacity on dimension {@code d}, in whole units. */
    public long capacity(int t, int d) {
        return capacity[t][d];
    }

    /** True when VM {@code v} fits alone on an empty server of type {@code t} (cores, per-core speed, capacity). */
    public boolean fits(int v, int t) {
        return (fitMask[v] & (1L << t)) != 0;
    }

    /** The types VM {@code v} fits on, one bit per type. */
    public long fitMask(int v) {
        return fitMask[v];
    }

    /** Total demand of all VMs on dimension {@code d}. */
    public long totalDemand(int d) {
        return Arrays.stream(demand).mapToLong(row -> row[d]).sum();
    }

    /** A server's price per hour: its type's on-demand price and its licence. */
    public double price(int t) {
        return prices[t];
    }
}

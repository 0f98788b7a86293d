package io.ldist.engine.util;

import java.util.Arrays;

/**
 * Ints kept in order, each with one to three keys beside it: by increasing item (one key riding along), or by
 * increasing keys (compared in turn), then item. Keys sit next to their items so that a binary search or a
 * walk reads one block of memory rather than a key per item from wherever the owner keeps it: what makes a
 * large fleet slow is the cache, not the count of steps.
 */
public final class KeyedIntList {
    private final boolean byItem;
    /** Keys per entry; entry i's keys are {@code keys[i * width ...]}. */
    private final int width;
    private int[] items;
    private double[] keys;
    private int size;

    private KeyedIntList(boolean byItem, int width, int capacity) {
        this.byItem = byItem;
        this.width = width;
        this.items = new int[Math.max(1, capacity)];
        this.keys = new double[items.length * width];
    }

    /** A list by increasing item, each with one key. */
    public static KeyedIntList byItem(int capacity) {
        return new KeyedIntList(true, 1, capacity);
    }

    /** A list by increasing keys ({@code width} of them, 1 to 3, compared in turn), then item. */
    public static KeyedIntList byKeys(int width, int capacity) {
        if (width < 1 || width > 3) {
            throw new IllegalArgumentException("1 to 3 keys, not " + width);
        }
        return new KeyedIntList(false, width, capacity);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int get(int i) {
        check(i);
        return items[i];
    }

    /** The first key of entry {@code i}. */
    public double key(int i) {
        check(i);
        return keys[i * width];
    }

    private void check(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
    }

    /** Whether entries {@code i} and {@code j} have the same keys. */
    private boolean sameKeys(int i, int j) {
        check(i);
        check(j);
        for (int k = 0; k < width; k++) {
            if (keys[i * width + k] != keys[j * width + k]) {
                return false;
            }
        }
        return true;
    }

    public void insert(int item, double key) {
        insert(item, key, 0, 0);
    }

    /** Inserts {@code item} with its keys (those beyond the list's width are ignored). */
    public void insert(int item, double k0, double k1, double k2) {
        int at = position(item, k0, k1, k2);
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2 * width);
        }
        System.arraycopy(items, at, items, at + 1, size - at);
        System.arraycopy(keys, at * width, keys, (at + 1) * width, (size - at) * width);
        items[at] = item;
        keys[at * width] = k0;
        if (width > 1) {
            keys[at * width + 1] = k1;
        }
        if (width > 2) {
            keys[at * width + 2] = k2;
        }
        size++;
    }

    public void remove(int item, double key) {
        remove(item, key, 0, 0);
    }

    /** Removes {@code item}, which must be there with these keys. */
    public void remove(int item, double k0, double k1, double k2) {
        int at = position(item, k0, k1, k2);
        if (at >= size || items[at] != item) {
            throw new IllegalStateException(item + " is not where its keys " + k0 + ", " + k1 + ", " + k2 + " put it");
        }
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        System.arraycopy(keys, (at + 1) * width, keys, at * width, (size - at - 1) * width);
        size--;
    }

    /** Where an entry is, or would go. */
    private int position(int item, double k0, double k1, double k2) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (before(mid, item, k0, k1, k2)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private boolean before(int at, int item, double k0, double k1, double k2) {
        if (byItem) {
            return items[at] < item;
        }
        int base = at * width;
        if (keys[base] != k0) {
            return keys[base] < k0;
        }
        if (width > 1 && keys[base + 1] != k1) {
            return keys[base + 1] < k1;
        }
        if (width > 2 && keys[base + 2] != k2) {
            return keys[base + 2] < k2;
        }
        return items[at] < item;
    }

    /** In a list by keys: the first position whose first key is at least {@code key}. */
    public int firstAtLeast(double key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid * width] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** In a list by keys: the first position whose first key is above {@code key}. */
    public int firstAbove(double key) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid * width] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** In a list by keys: the position after the entries from {@code i} on that have entry {@code i}'s keys. */
    public int endOfSameKeys(int i) {
        int low = i + 1;
        if (low == size || !sameKeys(i, low)) {
            return low; // as a rule an entry shares its keys with none: one look
        }
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sameKeys(i, mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(items[i]).append('@').append(keys[i * width]);
            for (int k = 1; k < width; k++) {
                text.append('/').append(keys[i * width + k]);
            }
        }
        return text.append(']').toString();
    }
}

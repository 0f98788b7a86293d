package io.ldist.engine.util;

import java.util.Arrays;

/** A growable list of ints without boxing; the planning loops keep many small ones. */
public final class IntList {
    private int[] items;
    private int size;

    public IntList() {
        this(4);
    }

    public IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return items[i];
    }

    /** Inserts {@code value} into a list kept in increasing order. */
    public void insertSorted(int value) {
        int at = Arrays.binarySearch(items, 0, size, value);
        if (at < 0) {
            at = -at - 1;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        System.arraycopy(items, at, items, at + 1, size - at);
        items[at] = value;
        size++;
    }

    /** Removes {@code value} from a list kept in increasing order; false if absent. */
    public boolean removeSorted(int value) {
        int at = Arrays.binarySearch(items, 0, size, value);
        if (at < 0) {
            return false;
        }
        System.arraycopy(items, at + 1, items, at, size - at - 1);
        size--;
        return true;
    }

    public void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = value;
    }

    /** Removes the first occurrence of {@code value}, keeping the order of the others; false if absent. */
    public boolean removeValue(int value) {
        for (int i = 0; i < size; i++) {
            if (items[i] == value) {
                System.arraycopy(items, i + 1, items, i, size - i - 1);
                size--;
                return true;
            }
        }
        return false;
    }

    public boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (items[i] == value) {
                return true;
            }
        }
        return false;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}

package io.ldist.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The ordered structures the planning search relies on, against plain sorted lists: {@link StableOrder} and
 * {@link KeyedIntList}. Keys come from a few values (and both zeros) so that ties are common.
 */
class OrderedListsProperties {
    private static final Double[] KEY_VALUES = {-1.5, -0.0, 0.0, 0.25, 0.5, 0.5000000000000001, 2.0};

    @Provide
    Arbitrary<List<Double>> keyLists() {
        return Arbitraries.of(KEY_VALUES).list().ofMaxSize(60);
    }

    @Property
    void stableOrder_sortsByKeyKeepingTiesInPositionOrder(@ForAll("keyLists") List<Double> keys) {
        int[] order = StableOrder.byKey(keys.size(), keys::get);

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            expected.add(i);
        }
        expected.sort(Comparator.comparingDouble(keys::get)); // List.sort is stable
        assertThat(order).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }

    /** An entry of a reference list: an item and its keys. */
    record Entry(int item, double k0, double k1, double k2) {
    }

    @Property(tries = 300)
    void keyedList_byKeys_staysInKeyThenItemOrder_throughInsertsAndRemoves(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int width, @ForAll @IntRange(max = 80) int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        KeyedIntList list = KeyedIntList.byKeys(width, 2);
        List<Entry> reference = new ArrayList<>();
        int nextItem = 0;
        for (int step = 0; step < steps; step++) {
            if (reference.isEmpty() || random.nextInt(3) > 0) {
                // Keys of one entry beyond the width are stored as 0 by the list: so in the reference.
                Entry e = new Entry(nextItem++, key(random), width > 1 ? key(random) : 0, width > 2 ? key(random) : 0);
                list.insert(e.item, e.k0, e.k1, e.k2);
                reference.add(e);
            } else {
                Entry e = reference.remove(random.nextInt(reference.size()));
                list.remove(e.item, e.k0, e.k1, e.k2);
            }
            reference.sort((a, b) -> compareAsList(a, b, width));
            assertThat(list.size()).isEqualTo(reference.size());
            for (int i = 0; i < reference.size(); i++) {
                assertThat(list.get(i)).isEqualTo(reference.get(i).item);
                assertThat(list.key(i)).isEqualTo(reference.get(i).k0);
            }
        }
        for (int i = 0; i < reference.size(); i++) {
            int end = i + 1;
            while (end < reference.size() && compareKeys(reference.get(i), reference.get(end), width) == 0) {
                end++;
            }
            assertThat(list.endOfSameKeys(i)).as("end of the run of keys at %d", i).isEqualTo(end);
            double k = reference.get(i).k0;
            assertThat(list.firstAtLeast(k)).isEqualTo(firstIndex(reference, e -> e.k0 >= k));
            assertThat(list.firstAbove(k)).isEqualTo(firstIndex(reference, e -> e.k0 > k));
        }
    }

    @Property
    void keyedList_byItem_staysInItemOrder_withKeysAlong(@ForAll long seed, @ForAll @IntRange(max = 60) int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        KeyedIntList list = KeyedIntList.byItem(1);
        List<Entry> reference = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int item = random.nextInt(100);
            boolean present = reference.stream().anyMatch(e -> e.item == item);
            if (present) {
                Entry e = reference.stream().filter(x -> x.item == item).findFirst().orElseThrow();
                list.remove(item, e.k0);
                reference.remove(e);
            } else {
                double k = key(random);
                list.insert(item, k);
                reference.add(new Entry(item, k, 0, 0));
            }
            reference.sort(Comparator.comparingInt(Entry::item));
            for (int i = 0; i < reference.size(); i++) {
                assertThat(list.get(i)).isEqualTo(reference.get(i).item);
                assertThat(list.key(i)).isEqualTo(reference.get(i).k0);
            }
        }
    }

    @Property(tries = 20)
    void keyedList_removingWhatIsNotThere_isRefused(@ForAll @IntRange(max = 5) int entries) {
        KeyedIntList list = KeyedIntList.byKeys(1, 1);
        for (int i = 0; i < entries; i++) {
            list.insert(i, i * 0.5);
        }
        assertThatThrownBy(() -> list.remove(99, 0.5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99");
        assertThat(list.size()).isEqualTo(entries);
    }

    private static double key(SplittableRandom random) {
        return KEY_VALUES[random.nextInt(KEY_VALUES.length)];
    }

    /** The list compares keys with {@code <} and {@code ==} (so -0.0 equals 0.0), then items. */
    private static int compareAsList(Entry a, Entry b, int width) {
        int byKeys = compareKeys(a, b, width);
        return byKeys != 0 ? byKeys : Integer.compare(a.item, b.item);
    }

    private static int compareKeys(Entry a, Entry b, int width) {
        double[] ka = {a.k0, a.k1, a.k2};
        double[] kb = {b.k0, b.k1, b.k2};
        for (int k = 0; k < width; k++) {
            if (ka[k] != kb[k]) {
                return ka[k] < kb[k] ? -1 : 1;
            }
        }
        return 0;
    }

    private static int firstIndex(List<Entry> entries, java.util.function.Predicate<Entry> test) {
        for (int i = 0; i < entries.size(); i++) {
            if (test.test(entries.get(i))) {
                return i;
            }
        }
        return entries.size();
    }
}

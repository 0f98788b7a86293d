package io.ldist.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

class NearestNameProperties {

    @Property
    void anyTwoNames_distanceIsSymmetric(@ForAll @AlphaChars @StringLength(max = 12) String a,
                                         @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(NearestName.distance(a, b)).isEqualTo(NearestName.distance(b, a));
    }

    @Property
    void anyTwoNames_distanceAtMostLongerLength(@ForAll @AlphaChars @StringLength(max = 12) String a,
                                                @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(NearestName.distance(a, b)).isBetween(0, Math.max(a.length(), b.length()));
    }

    @Property
    void nameAmongCandidates_isItsOwnNearest(@ForAll @AlphaChars @NotEmpty @StringLength(max = 12) String name,
                                             @ForAll List<@AlphaChars @StringLength(max = 12) String> others) {
        List<String> candidates = new ArrayList<>(others);
        candidates.removeIf(other -> other.equalsIgnoreCase(name));
        candidates.add(name);

        assertThat(NearestName.among(candidates, name)).contains(name);
    }

    @Property
    void oneDeletion_stillFoundForLongNames(@ForAll @AlphaChars @StringLength(min = 4, max = 12) String name,
                                           @ForAll("positions") int position) {
        int at = position % name.length();
        String typo = name.substring(0, at) + name.substring(at + 1);

        assertThat(NearestName.among(List.of(name), typo)).contains(name);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 100);
    }
}

package io.ldist.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> POLICIES = List.of("pabfd", "first-fit", "round-robin", "threshold");

    @Test
    void swappedLetters_countAsOneEdit() {
        assertThat(NearestName.distance("pabdf", "pabfd")).isEqualTo(1);
    }

    @Test
    void differentCase_countsAsNoEdit() {
        assertThat(NearestName.distance("Hosts", "hosts")).isZero();
    }

    @Test
    void typo_suggestsClosestName() {
        assertThat(NearestName.among(POLICIES, "pabdf")).contains("pabfd");
        assertThat(NearestName.among(POLICIES, "treshold")).contains("threshold");
    }

    @Test
    void unrelatedName_suggestsNothing() {
        assertThat(NearestName.among(POLICIES, "banana")).isEmpty();
    }

    @Test
    void shortName_neverCorrectedIntoUnrelatedOne() {
        assertThat(NearestName.among(List.of("ab"), "xy")).isEmpty();
    }

    @Test
    void equallyCloseCandidates_alphabeticallyFirstWins() {
        assertThat(NearestName.among(List.of("hostb", "hosta"), "hostz")).contains("hosta");
    }

    @Test
    void closeName_phrasedAsQuestion() {
        assertThat(NearestName.didYouMean(List.of("hosts", "name"), "hostz")).contains("did you mean 'hosts'?");
    }
}

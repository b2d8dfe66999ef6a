package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NgramsTest {
    @Test
    void caseAndPunctuationDoNotChangeTheFeatures() {
        assertThat(Ngrams.of("KEEPING him home!!", 0, 18)).isEqualTo(Ngrams.of("keeping, him... home", 0, 20));
    }

    @Test
    void wordOrderChangesTheBigramsButNotTheUnigrams() {
        int[] a = Ngrams.of("picking up", 0, 10);
        int[] b = Ngrams.of("up picking", 0, 10);
        assertThat(a).isNotEqualTo(b);
        assertThat(box(Ngrams.of("picking", 0, 7))).isSubsetOf(box(a)).isSubsetOf(box(b));
    }

    @Test
    void bucketsAreSortedDistinctAndInRange() {
        int[] x = Ngrams.of("the the the cat sat on the the mat 😀 Zoë", 0, 40);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isBetween(0, Ngrams.BUCKETS - 1);
            if (i > 0) {
                assertThat(x[i]).isGreaterThan(x[i - 1]);
            }
        }
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }
}

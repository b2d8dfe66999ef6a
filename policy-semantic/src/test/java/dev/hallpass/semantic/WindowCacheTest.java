package dev.hallpass.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WindowCacheTest {
    /** The built-in tier with the cache off: every window is a model run. */
    private static SemanticTier uncached;
    private static Encoder uncachedEncoder;

    @BeforeAll
    static void loadAnUncachedTier() {
        uncachedEncoder = Encoder.load(Encoder.MODEL_RESOURCE, Encoder.TOKENIZER_RESOURCE, 1, new WindowCache(0));
        SemanticTier builtIn = CorpusRun.get().tier;
        uncached = SemanticTier.of(uncachedEncoder, builtIn.classifier(), builtIn.nameProbe());
    }

    @AfterAll
    static void close() {
        uncachedEncoder.close();
    }

    private static List<String> texts(int n) {
        return CorpusRun.get().examples.stream().limit(n).map(Corpus.Example::text).toList();
    }

    @Test
    void aWindowFromTheCacheHoldsExactlyTheFloatsAModelRunGives() {
        Encoder cached = Encoder.load(Encoder.MODEL_RESOURCE, Encoder.TOKENIZER_RESOURCE, 1, new WindowCache(WindowCache.DEFAULT_BYTES));
        try {
            for (String t : texts(60)) {
                long[] ids = cached.tokenize(SemanticTier.head(t)).ids();
                int to = Math.min(ids.length, Encoder.MAX_TOKENS - 2);
                if (to == 0) {
                    continue;
                }
                float[][] run = uncachedEncoder.hidden(ids, 0, to);
                float[][] miss = cached.hidden(ids, 0, to);
                long hits = cached.cache().hits();
                float[][] hit = cached.hidden(ids, 0, to);
                assertThat(cached.cache().hits()).isEqualTo(hits + 1);
                assertThat(bits(hit)).isEqualTo(bits(run));
                assertThat(bits(miss)).isEqualTo(bits(run));
            }
        } finally {
            cached.close();
        }
    }

    @Test
    void scoresWithTheCacheAreBitIdenticalToScoresWithoutIt() {
        SemanticTier tier = CorpusRun.get().tier; // the built-in tier, cache on
        assertThat(tier.encoder().cache().enabled()).isTrue();
        long hits = tier.encoder().cache().hits();
        for (String t : texts(300)) {
            Scores first = tier.score(t);
            Scores again = tier.score(t); // every window now from the cache
            Scores run = uncached.score(t);
            assertThat(first).as(t).isEqualTo(run);
            assertThat(again).as(t).isEqualTo(run);
            for (int k = 0; k < run.scores().size(); k++) {
                assertThat(Double.doubleToRawLongBits(again.scores().get(k).value()))
                        .isEqualTo(Double.doubleToRawLongBits(run.scores().get(k).value()));
            }
        }
        assertThat(tier.encoder().cache().hits()).isGreaterThanOrEqualTo(hits + 300);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBudgetAndDropsTheLeastRecentlyUsedFirst() {
        float[][] rows = new float[10][Encoder.DIMENSIONS];
        long one = WindowCache.size(new long[12], rows);
        WindowCache c = new WindowCache(3 * one);
        c.put(ids(1), rows);
        c.put(ids(2), rows);
        c.put(ids(3), rows);
        assertThat(c.get(ids(1))).isSameAs(rows); // 1 is now the most recently used
        c.put(ids(4), rows);
        assertThat(c.windows()).isEqualTo(3);
        assertThat(c.bytes()).isLessThanOrEqualTo(3 * one);
        assertThat(c.get(ids(2))).isNull();
        assertThat(c.get(ids(1))).isNotNull();
        for (int i = 5; i < 500; i++) {
            c.put(ids(i), rows);
            assertThat(c.bytes()).isLessThanOrEqualTo(3 * one);
        }
        assertThat(c.windows()).isEqualTo(3);
    }

    @Test
    void aWindowLargerThanTheWholeBudgetIsNotKept() {
        WindowCache c = new WindowCache(1_000);
        c.put(ids(1), new float[10][Encoder.DIMENSIONS]);
        assertThat(c.windows()).isZero();
        assertThat(c.bytes()).isZero();
    }

    @Test
    void theKeyIsCopiedSoAChangedArrayCannotReachAnotherWindowsRows() {
        WindowCache c = new WindowCache(WindowCache.DEFAULT_BYTES);
        long[] key = ids(7);
        float[][] rows = new float[1][Encoder.DIMENSIONS];
        c.put(key, rows);
        key[3] = 99;
        assertThat(c.get(key)).isNull();
        assertThat(c.get(ids(7))).isSameAs(rows);
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThatThrownBy(() -> new WindowCache(-1)).hasMessageContaining("budget");
        assertThat(new WindowCache(0).enabled()).isFalse();
    }

    @Test
    void manyThreadsThroughASmallCacheGetExactlyWhatModelRunsGive() throws Exception {
        Encoder small = Encoder.load(Encoder.MODEL_RESOURCE, Encoder.TOKENIZER_RESOURCE, 1, new WindowCache(400_000)); // a few windows: constant eviction
        SemanticTier builtIn = CorpusRun.get().tier;
        SemanticTier tier = SemanticTier.of(small, builtIn.classifier(), builtIn.nameProbe());
        List<String> texts = texts(40);
        List<Scores> expected = texts.stream().map(uncached::score).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Scores>> futures = new ArrayList<>();
            for (String t : texts) {
                for (int again = 0; again < 4; again++) { // checked again at once, as a draft is, while other texts evict
                    futures.add(pool.submit(() -> tier.score(t)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i / 4));
            }
            assertThat(small.cache().hits()).isPositive();
            assertThat(small.cache().bytes()).isLessThanOrEqualTo(400_000);
        } finally {
            pool.shutdownNow();
            small.close();
        }
    }

    private static long[] ids(int seed) {
        long[] a = new long[12];
        Arrays.fill(a, seed);
        return a;
    }

    private static List<List<Integer>> bits(float[][] rows) {
        List<List<Integer>> out = new ArrayList<>();
        for (float[] r : rows) {
            List<Integer> row = new ArrayList<>(r.length);
            for (float f : r) {
                row.add(Float.floatToRawIntBits(f));
            }
            out.add(row);
        }
        return out;
    }
}

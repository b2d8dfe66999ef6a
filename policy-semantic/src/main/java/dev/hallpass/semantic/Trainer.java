package dev.hallpass.semantic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains one L2-regularised logistic regression per kind with full-batch Adam, in a fixed order and with
 * no randomness, so the same features always give the same weights (kinds are trained in parallel, each
 * on its own). Positives are weighted by {@code sqrt(negatives / positives)}.
 *
 * <p>Thresholds come from {@value #FOLDS}-fold cross-validation grouped by origin: each example's
 * probability from a model that did not see its origin, then the threshold that maximises F1 of what the
 * engine would decide (the score, or a {@linkplain Kind#kept() structured} word-list finding); F2 for
 * safeguarding, whose recall matters most. The weights themselves are fitted on every example given.
 */
final class Trainer {
    static final int EPOCHS = 300;
    static final double LEARNING_RATE = 0.05;
    static final double L2 = 1e-4;
    static final int FOLDS = 5;

    private Trainer() {}

    /**
     * A training example's features, its labels, the kinds a kept word-list finding already decides, and
     * its cross-validation fold.
     */
    record Row(Features features, Set<Kind> labels, Set<Kind> kept, int fold) {}

    /**
     * The fold of an origin: bytes 4 to 7 of the SHA-256 of its UTF-8 bytes, as an unsigned number, modulo
     * {@value #FOLDS} (not the bytes the split is taken from, so folds are not tied to it).
     */
    static int fold(String origin) {
        String hex = Encoder.sha256(origin.getBytes(StandardCharsets.UTF_8));
        return (int) (Long.parseLong(hex.substring(8, 16), 16) % FOLDS);
    }

    static Classifier train(String modelDigest, List<Row> rows) {
        Map<Kind, Weights> out = new EnumMap<>(Kind.class);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(Kind.ALL.size(), Runtime.getRuntime().availableProcessors())));
        try {
            Map<Kind, Future<Weights>> jobs = new EnumMap<>(Kind.class);
            for (Kind k : Kind.ALL) {
                jobs.put(k, pool.submit(() -> {
                    Weights w = fit(k, rows, -1);
                    return w.withThreshold(threshold(k, outOfFold(k, rows), rows));
                }));
            }
            for (Kind k : Kind.ALL) {
                out.put(k, jobs.get(k).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Classifier(modelDigest, out);
    }

    /** Each row's probability from a model fitted without its fold. */
    static double[] outOfFold(Kind kind, List<Row> rows) {
        double[] p = new double[rows.size()];
        for (int f = 0; f < FOLDS; f++) {
            Weights w = fit(kind, rows, f);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).fold() == f) {
                    p[i] = w.probability(rows.get(i).features());
                }
            }
        }
        return p;
    }

    /** Fits {@code kind} on every row not in {@code leftOut} (-1: every row). */
    static Weights fit(Kind kind, List<Row> all, int leftOut) {
        List<Row> rows = new ArrayList<>();
        for (Row r : all) {
            if (r.fold() != leftOut) {
                rows.add(r);
            }
        }
        int d = Encoder.DIMENSIONS;
        int s = Ngrams.BUCKETS;
        int l = Features.LEXICAL.size();
        int dim = d + s + l + 1;
        double[] w = new double[dim];
        double[] m = new double[dim];
        double[] v = new double[dim];
        double[] g = new double[dim];
        int positives = 0;
        for (Row r : rows) {
            positives += r.labels().contains(kind) ? 1 : 0;
        }
        double posWeight = positives == 0 ? 1 : Math.sqrt((rows.size() - positives) / (double) positives);
        double b1 = 0.9;
        double b2 = 0.999;
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            java.util.Arrays.fill(g, 0);
            for (Row r : rows) {
                Features f = r.features();
                double z = w[dim - 1];
                float[] e = f.embedding();
                for (int i = 0; i < d; i++) {
                    z += e[i] * w[i];
                }
                double sw = f.sparseWeight();
                for (int b : f.buckets()) {
                    z += sw * w[d + b];
                }
                for (int x : f.lexical()) {
                    z += w[d + s + x];
                }
                double p = 1 / (1 + Math.exp(-z));
                boolean y = r.labels().contains(kind);
                double err = (p - (y ? 1 : 0)) * (y ? posWeight : 1);
                for (int i = 0; i < d; i++) {
                    g[i] += err * e[i];
                }
                for (int b : f.buckets()) {
                    g[d + b] += err * sw;
                }
                for (int x : f.lexical()) {
                    g[d + s + x] += err;
                }
                g[dim - 1] += err;
            }
            double c1 = 1 - Math.pow(b1, epoch);
            double c2 = 1 - Math.pow(b2, epoch);
            for (int i = 0; i < dim; i++) {
                double gi = g[i] / rows.size() + (i < dim - 1 ? L2 * w[i] : 0);
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                w[i] -= LEARNING_RATE * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
        }
        float[] dense = new float[d];
        float[] sparse = new float[s];
        float[] lexical = new float[l];
        for (int i = 0; i < d; i++) {
            dense[i] = (float) w[i];
        }
        for (int i = 0; i < s; i++) {
            sparse[i] = (float) w[d + i];
        }
        for (int i = 0; i < l; i++) {
            lexical[i] = (float) w[d + s + i];
        }
        return new Weights(kind, dense, sparse, lexical, (float) w[dim - 1], 0.5);
    }

    /** The threshold in 0.05..0.95 (steps of 0.01) that maximises F1 (F2 for safeguarding) of the engine's decision. */
    static double threshold(Kind kind, double[] p, List<Row> rows) {
        double beta = kind == Kind.SAFEGUARDING ? 2 : 1;
        double bestT = 0.5;
        double bestF = -1;
        for (int step = 5; step <= 95; step++) {
            double t = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                boolean predicted = p[i] >= t || r.kept().contains(kind);
                boolean actual = r.labels().contains(kind);
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }
            double b2 = beta * beta;
            double f = tp == 0 ? 0 : (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp);
            if (f > bestF + 1e-12) {
                bestF = f;
                bestT = t;
            }
        }
        return bestT;
    }
}

package dev.hallpass.semantic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trains one L2-regularised logistic regression per kind with full-batch Adam, in a fixed order and with
 * no randomness, so the same features always give the same weights. Positives are weighted by
 * {@code sqrt(negatives / positives)}. Thresholds are chosen on the dev examples: the one that maximises
 * F1 of "word lists or model" (F2 for safeguarding, whose recall matters most).
 */
final class Trainer {
    static final int EPOCHS = 300;
    static final double LEARNING_RATE = 0.05;
    static final double L2 = 1e-4;

    private Trainer() {}

    /** A training example's features, its labels and what the word lists found. */
    record Row(Features features, java.util.Set<Kind> labels, java.util.Set<Kind> lexical) {}

    static Classifier train(String modelDigest, List<Row> train, List<Row> dev) {
        Map<Kind, Weights> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.ALL) {
            Weights w = fit(k, train);
            out.put(k, new Weights(k, w.dense(), w.sparse(), w.bias(), threshold(k, w, dev)));
        }
        return new Classifier(modelDigest, out);
    }

    static Weights fit(Kind kind, List<Row> rows) {
        int d = Encoder.DIMENSIONS;
        int s = Ngrams.BUCKETS;
        int dim = d + s + 1;
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
                double p = 1 / (1 + Math.exp(-z));
                boolean y = r.labels().contains(kind);
                double err = (p - (y ? 1 : 0)) * (y ? posWeight : 1);
                for (int i = 0; i < d; i++) {
                    g[i] += err * e[i];
                }
                for (int b : f.buckets()) {
                    g[d + b] += err * sw;
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
        for (int i = 0; i < d; i++) {
            dense[i] = (float) w[i];
        }
        for (int i = 0; i < s; i++) {
            sparse[i] = (float) w[d + i];
        }
        return new Weights(kind, dense, sparse, (float) w[dim - 1], 0.5);
    }

    static double threshold(Kind kind, Weights w, List<Row> dev) {
        double beta = kind == Kind.SAFEGUARDING ? 2 : 1;
        double bestT = 0.5;
        double bestF = -1;
        double[] p = new double[dev.size()];
        for (int i = 0; i < dev.size(); i++) {
            p[i] = w.probability(dev.get(i).features());
        }
        for (int step = 5; step <= 95; step++) {
            double t = step / 100.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < dev.size(); i++) {
                Row r = dev.get(i);
                boolean predicted = p[i] >= t || r.lexical().contains(kind);
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

package dev.hallpass.semantic;

/** One kind's logistic regression: dense weights over the embedding, sparse over n-gram buckets, a bias. */
record Weights(Kind kind, float[] dense, float[] sparse, float bias, double threshold) {
    Weights {
        if (dense.length != Encoder.DIMENSIONS || sparse.length != Ngrams.BUCKETS) {
            throw new IllegalArgumentException(kind + ": expected " + Encoder.DIMENSIONS + " dense and "
                    + Ngrams.BUCKETS + " sparse weights, got " + dense.length + " and " + sparse.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException(kind + ": threshold must be in (0, 1): " + threshold);
        }
    }

    double probability(Features f) {
        double z = bias;
        float[] e = f.embedding();
        for (int i = 0; i < e.length; i++) {
            z += e[i] * dense[i];
        }
        double s = f.sparseWeight();
        for (int b : f.buckets()) {
            z += s * sparse[b];
        }
        return 1 / (1 + Math.exp(-z));
    }
}

package dev.hallpass.semantic;

/**
 * One kind's logistic regression: dense weights over the embedding, sparse over n-gram buckets, one weight
 * per word-list finding kind ({@link Features#LEXICAL}), a bias.
 */
record Weights(Kind kind, float[] dense, float[] sparse, float[] lexical, float bias, double threshold) {
    Weights {
        if (dense.length != Encoder.DIMENSIONS || sparse.length != Ngrams.BUCKETS || lexical.length != Features.LEXICAL.size()) {
            throw new IllegalArgumentException(kind + ": expected " + Encoder.DIMENSIONS + " dense, " + Ngrams.BUCKETS
                    + " sparse and " + Features.LEXICAL.size() + " lexical weights, got " + dense.length + ", "
                    + sparse.length + " and " + lexical.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException(kind + ": threshold must be in (0, 1): " + threshold);
        }
    }

    Weights withThreshold(double t) {
        return new Weights(kind, dense, sparse, lexical, bias, t);
    }

    double probability(Features f) {
        return 1 / (1 + Math.exp(-logit(f)));
    }

    double logit(Features f) {
        double z = bias;
        float[] e = f.embedding();
        for (int i = 0; i < e.length; i++) {
            z += e[i] * dense[i];
        }
        double s = f.sparseWeight();
        for (int b : f.buckets()) {
            z += s * sparse[b];
        }
        for (int l : f.lexical()) {
            z += lexical[l];
        }
        return z;
    }
}

package dev.hallpass.semantic;

/**
 * One text's features: the model's mean-pooled, L2-normalised embedding (dense) and its hashed word
 * n-grams (sparse, each worth {@code 1/sqrt(count)}, so the sparse half has unit length too).
 */
record Features(float[] embedding, int[] buckets) {
    double sparseWeight() {
        return buckets.length == 0 ? 0 : 1 / Math.sqrt(buckets.length);
    }
}

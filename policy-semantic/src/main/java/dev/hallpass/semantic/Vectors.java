package dev.hallpass.semantic;

/** Small vector arithmetic on float arrays. */
final class Vectors {
    private Vectors() {}

    static float[] meanNormalised(float[][] rows, int from, int to) {
        int d = rows[from].length;
        float[] out = new float[d];
        for (int r = from; r < to; r++) {
            float[] row = rows[r];
            for (int i = 0; i < d; i++) {
                out[i] += row[i];
            }
        }
        double norm = 0;
        for (int i = 0; i < d; i++) {
            norm += (double) out[i] * out[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < d; i++) {
                out[i] = (float) (out[i] / norm);
            }
        }
        return out;
    }
}

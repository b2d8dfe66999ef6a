package dev.hallpass.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Tells a child's name from a look-alike (a place, a title, a character, a famous person) by how the
 * model reads the word in its sentence: one logistic regression over the mean last hidden state of
 * the name's word pieces, the hidden states of the word pieces just before and after it, and the
 * mean of its window, each L2-normalised. It reads the rows the tier
 * computes anyway, so it costs no model run of its own. Trained by {@link NameProbeTraining}.
 *
 * @param modelDigest the SHA-256 of the model it was trained on
 * @param weights one per feature: {@value Encoder#DIMENSIONS} each for the name, the word piece
 *     before it, the one after it and its window
 * @param bias the bias
 * @param threshold a word the word lists took for a child's name stays one when its probability
 *     reaches this
 * @param ambiguous the names it judges, folded (lower case, no accents): every name its training
 *     corpus uses for something other than a child (a place, a title, a character, a famous person,
 *     a word). Any other name the word lists find stands: the probe never second-guesses "Maise".
 */
record NameProbe(String modelDigest, float[] weights, float bias, double threshold, java.util.Set<String> ambiguous) {
    static final String RESOURCE = "hallpass/semantic/name-probe.json";
    static final int FEATURES = 4 * Encoder.DIMENSIONS;
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    NameProbe {
        if (weights.length != FEATURES) {
            throw new IllegalArgumentException("expected " + FEATURES + " weights, got " + weights.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1): " + threshold);
        }
        ambiguous = java.util.Set.copyOf(ambiguous);
    }

    /** Whether the probe judges {@code name} (as written): it is one of the {@link #ambiguous} names. */
    boolean judges(String name) {
        return ambiguous.contains(fold(name));
    }

    /** Lower case, accents removed, a possessive dropped: how {@link #ambiguous} names are kept. */
    static String fold(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The features of the word at {@code [start, end)} of a window: the mean of the hidden rows of the
     * tokens that overlap it and the window's mean, each L2-normalised; null when no token does.
     *
     * @param rows the window's last hidden state, one row per token from {@code firstToken}
     * @param tokens the text's tokens with their UTF-16 spans
     * @param windowMean the window's mean embedding, L2-normalised
     */
    static float[] features(float[][] rows, Encoder.Tokens tokens, int firstToken, int start, int end, float[] windowMean) {
        int d = Encoder.DIMENSIONS;
        float[] x = new float[FEATURES];
        int count = 0;
        int first = -1;
        int last = -1;
        for (int r = 0; r < rows.length; r++) {
            int tok = firstToken + r;
            if (tokens.starts()[tok] < end && start < tokens.ends()[tok]) {
                float[] row = rows[r];
                for (int i = 0; i < d; i++) {
                    x[i] += row[i];
                }
                count++;
                first = first < 0 ? r : first;
                last = r;
            }
        }
        if (count == 0) {
            return null;
        }
        normalise(x, 0, d);
        if (first > 0) {
            System.arraycopy(rows[first - 1], 0, x, d, d);
            normalise(x, d, 2 * d);
        }
        if (last + 1 < rows.length) {
            System.arraycopy(rows[last + 1], 0, x, 2 * d, d);
            normalise(x, 2 * d, 3 * d);
        }
        System.arraycopy(windowMean, 0, x, 3 * d, d);
        return x;
    }

    private static void normalise(float[] x, int from, int to) {
        double norm = 0;
        for (int i = from; i < to; i++) {
            norm += (double) x[i] * x[i];
        }
        norm = Math.sqrt(norm);
        for (int i = from; i < to && norm > 0; i++) {
            x[i] = (float) (x[i] / norm);
        }
    }

    double probability(float[] x) {
        double z = bias;
        for (int i = 0; i < FEATURES; i++) {
            z += x[i] * weights[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    NameProbe withThreshold(double t) {
        return new NameProbe(modelDigest, weights, bias, t, ambiguous);
    }

    /** A digest of the weights and threshold as written. */
    String digest() {
        return Encoder.sha256(bytes());
    }

    static NameProbe builtIn() {
        return read(Encoder.resource(RESOURCE, "the name probe"), RESOURCE);
    }

    static NameProbe read(byte[] json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.path("format").asInt(-1) != FORMAT) {
                throw new SemanticException(source + ": \"format\" must be " + FORMAT);
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            root.path("ambiguous").forEach(x -> names.add(x.asText()));
            return new NameProbe(root.path("model").asText(""), Classifier.floats(root.path("weights").asText()),
                    (float) root.path("bias").asDouble(), root.path("threshold").asDouble(), names);
        } catch (IOException e) {
            throw new SemanticException(source + ": not JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SemanticException(source + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", modelDigest);
        root.put("features", "last hidden state: mean of the name's word pieces, the piece before, the piece after, the window's mean ("
                + Encoder.DIMENSIONS + " each, L2-normalised)");
        root.put("threshold", threshold);
        root.put("bias", bias);
        root.put("weights", Classifier.base64(weights));
        var names = root.putArray("ambiguous");
        new java.util.TreeSet<>(ambiguous).forEach(names::add);
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

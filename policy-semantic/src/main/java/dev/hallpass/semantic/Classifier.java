package dev.hallpass.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The trained weights for every kind, tied to the embedding model they were trained on. Stored as a small
 * JSON file whose float arrays are base64 of big-endian IEEE 754 singles.
 */
final class Classifier {
    static final String RESOURCE = "hallpass/semantic/classifier.json";
    static final int FORMAT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String modelDigest;
    private final Map<Kind, Weights> weights;
    private final byte[] bytes;

    Classifier(String modelDigest, Map<Kind, Weights> weights) {
        this.modelDigest = modelDigest;
        EnumMap<Kind, Weights> copy = new EnumMap<>(Kind.class);
        copy.putAll(weights);
        for (Kind k : Kind.ALL) {
            if (!copy.containsKey(k)) {
                throw new IllegalArgumentException("no weights for " + k);
            }
        }
        this.weights = copy;
        this.bytes = serialise();
    }

    String modelDigest() {
        return modelDigest;
    }

    Weights weights(Kind kind) {
        return weights.get(kind);
    }

    Classifier withThreshold(Kind kind, double threshold) {
        EnumMap<Kind, Weights> copy = new EnumMap<>(weights);
        Weights w = copy.get(kind);
        copy.put(kind, w.withThreshold(threshold));
        return new Classifier(modelDigest, copy);
    }

    /** SHA-256 of the serialised weights. */
    String digest() {
        return Encoder.sha256(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    static Classifier builtIn() {
        return read(Encoder.resource(RESOURCE, "the classifier weights"), RESOURCE);
    }

    static Classifier read(byte[] json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.path("format").asInt(-1) != FORMAT) {
                throw new SemanticException(source + ": \"format\" must be " + FORMAT);
            }
            String model = root.path("model").asText("");
            EnumMap<Kind, Weights> out = new EnumMap<>(Kind.class);
            JsonNode kinds = root.path("kinds");
            for (Kind k : Kind.ALL) {
                JsonNode n = kinds.path(k.name());
                if (n.isMissingNode()) {
                    throw new SemanticException(source + ": kinds." + k.name() + " is missing");
                }
                try {
                    out.put(k, new Weights(k, floats(n.path("dense").asText()), floats(n.path("sparse").asText()),
                            floats(n.path("lexical").asText()), (float) n.path("bias").asDouble(), n.path("threshold").asDouble()));
                } catch (IllegalArgumentException e) {
                    throw new SemanticException(source + ": kinds." + k.name() + ": " + e.getMessage(), e);
                }
            }
            return new Classifier(model, out);
        } catch (IOException e) {
            throw new SemanticException(source + ": not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] serialise() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", modelDigest);
        root.put("features", "mean-pooled embedding (" + Encoder.DIMENSIONS + ") + hashed word uni/bigrams ("
                + Ngrams.BUCKETS + ") + word-list finding kinds " + Features.LEXICAL);
        ObjectNode kinds = root.putObject("kinds");
        for (Kind k : Kind.ALL) {
            Weights w = weights.get(k);
            ObjectNode n = kinds.putObject(k.name());
            n.put("threshold", w.threshold());
            n.put("bias", w.bias());
            n.put("dense", base64(w.dense()));
            n.put("sparse", base64(w.sparse()));
            n.put("lexical", base64(w.lexical()));
        }
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static float[] floats(String base64) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length % 4 != 0) {
            throw new IllegalArgumentException("a float array's length is not a multiple of 4 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        float[] out = new float[raw.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}

package dev.hallpass.semantic;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A school's adjustments to the built-in classifiers, learnt from its own cases by {@link SchoolTraining}
 * and kept next to its rules ({@value SchoolTraining#FILE}): one shift of each kind's log-odds, and the
 * school's cases as exemplars (their embeddings, never their text) so that a message very like one of
 * them is decided as that case says. An untrusted file: its size, its number of exemplars and every
 * value are bounded before anything is used.
 *
 * @param classifierDigest the built-in weights these adjustments were learnt against
 * @param shift per kind, added to the classifier's log-odds (within ±{@value #MAX_SHIFT})
 * @param exemplars the school's cases, at most {@value #MAX_EXEMPLARS}
 */
record SchoolAdjustments(String classifierDigest, Map<Kind, Double> shift, List<Exemplar> exemplars) {
    static final int FORMAT = 1;
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_EXEMPLARS = 2_000;
    static final double MAX_SHIFT = 4;
    /** Cosine similarity of embeddings at which a message counts as "like" an exemplar. */
    static final double SIMILAR = 0.93;
    /** What an exemplar's label makes the score at least (positive) or at most (one minus this, negative). */
    static final double EXEMPLAR_SCORE = 0.99;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(4_096).build()).build());

    /**
     * One of the school's cases.
     *
     * @param embedding the unit-length embedding of its first window
     * @param labels per kind, true (the case says it is there) or false (says it is not); kinds the case is silent on are absent
     */
    record Exemplar(float[] embedding, Map<Kind, Boolean> labels) {}

    SchoolAdjustments {
        shift = Map.copyOf(shift);
        exemplars = List.copyOf(exemplars);
    }

    /** The exemplar most like {@code embedding} if it is at least {@value #SIMILAR} alike, else null. */
    Exemplar nearest(float[] embedding) {
        Exemplar best = null;
        double bestSim = SIMILAR;
        for (Exemplar e : exemplars) {
            double sim = 0;
            for (int i = 0; i < embedding.length; i++) {
                sim += embedding[i] * e.embedding()[i];
            }
            if (sim >= bestSim) {
                bestSim = sim;
                best = e;
            }
        }
        return best;
    }

    /** The adjusted probability of {@code kind} from the classifier's log-odds and the exemplar the text is like (or null). */
    double adjust(Kind kind, double logit, Exemplar like) {
        double p = 1 / (1 + Math.exp(-(logit + shift.getOrDefault(kind, 0.0))));
        Boolean label = like == null ? null : like.labels().get(kind);
        if (label == null) {
            return p;
        }
        return label ? Math.max(p, EXEMPLAR_SCORE) : Math.min(p, 1 - EXEMPLAR_SCORE);
    }

    String digest() {
        return Encoder.sha256(bytes());
    }

    byte[] bytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("classifier", classifierDigest);
        ObjectNode s = root.putObject("shift");
        for (Kind k : Kind.ALL) {
            if (shift.containsKey(k)) {
                s.put(k.name(), shift.get(k));
            }
        }
        ArrayNode ex = root.putArray("exemplars");
        for (Exemplar e : exemplars) {
            ObjectNode n = ex.addObject();
            ByteBuffer b = ByteBuffer.allocate(e.embedding().length * 4);
            for (float f : e.embedding()) {
                b.putFloat(f);
            }
            n.put("embedding", Base64.getEncoder().encodeToString(b.array()));
            ObjectNode l = n.putObject("labels");
            for (Kind k : Kind.ALL) {
                if (e.labels().containsKey(k)) {
                    l.put(k.name(), e.labels().get(k));
                }
            }
        }
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a school's adjustments file.
     *
     * @throws IllegalArgumentException naming {@code source} and the field that is wrong
     */
    static SchoolAdjustments read(byte[] json, String source) {
        if (json.length > MAX_BYTES) {
            throw new IllegalArgumentException(source + ": " + json.length + " bytes, over the limit of " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(source + ": format: must be " + FORMAT);
        }
        String classifier = root.path("classifier").asText("");
        if (!classifier.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(source + ": classifier: must be a SHA-256 digest");
        }
        Map<Kind, Double> shift = new EnumMap<>(Kind.class);
        JsonNode s = root.path("shift");
        for (var it = s.fields(); it.hasNext(); ) {
            var e = it.next();
            Kind k = kind(e.getKey(), source + ": shift");
            double v = e.getValue().asDouble(Double.NaN);
            if (!e.getValue().isNumber() || !(Math.abs(v) <= MAX_SHIFT)) {
                throw new IllegalArgumentException(source + ": shift." + k + ": must be a number within ±" + MAX_SHIFT);
            }
            shift.put(k, v);
        }
        JsonNode ex = root.path("exemplars");
        if (!ex.isArray() || ex.size() > MAX_EXEMPLARS) {
            throw new IllegalArgumentException(source + ": exemplars: must be a list of at most " + MAX_EXEMPLARS);
        }
        List<Exemplar> exemplars = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) {
            String at = source + ": exemplars[" + i + "]";
            JsonNode n = ex.get(i);
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(n.path("embedding").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".embedding: not base64");
            }
            if (raw.length != Encoder.DIMENSIONS * 4) {
                throw new IllegalArgumentException(at + ".embedding: must hold " + Encoder.DIMENSIONS + " floats");
            }
            ByteBuffer b = ByteBuffer.wrap(raw);
            float[] v = new float[Encoder.DIMENSIONS];
            double norm = 0;
            for (int j = 0; j < v.length; j++) {
                v[j] = b.getFloat();
                if (!Float.isFinite(v[j])) {
                    throw new IllegalArgumentException(at + ".embedding: not a finite number");
                }
                norm += v[j] * (double) v[j];
            }
            if (Math.abs(norm - 1) > 1e-3) {
                throw new IllegalArgumentException(at + ".embedding: must have unit length");
            }
            Map<Kind, Boolean> labels = new EnumMap<>(Kind.class);
            for (var it = n.path("labels").fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isBoolean()) {
                    throw new IllegalArgumentException(at + ".labels." + e.getKey() + ": must be true or false");
                }
                labels.put(kind(e.getKey(), at + ".labels"), e.getValue().booleanValue());
            }
            exemplars.add(new Exemplar(v, labels));
        }
        return new SchoolAdjustments(classifier, shift, exemplars);
    }

    private static Kind kind(String name, String at) {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "." + name + ": unknown kind (one of " + Kind.ALL + ")");
        }
    }
}

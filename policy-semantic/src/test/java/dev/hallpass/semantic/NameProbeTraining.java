package dev.hallpass.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.ProfileDetectors;
import dev.hallpass.SchoolProfile;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Trains the {@link NameProbe}: on the training corpus of names ({@code policy-semantic-corpus/names-train}:
 * each name and look-alike labelled) and on the dev half of the names corpus of policy-rules (the
 * word lists' names in it, labelled by whether they are the message's children). The test half is
 * never read here. Full-batch Adam, no randomness: the same corpus gives the same weights. The
 * threshold is the highest at which the out-of-fold recall of true names stays at least
 * {@value #MIN_RECALL} (five folds by message).
 */
final class NameProbeTraining {
    static final Path TRAIN = Path.of("../policy-semantic-corpus/names-train");
    static final Path NAMES = Path.of("../policy-rules/src/test/resources/names");
    static final List<String> NAMES_FILES = List.of("lookalike-traps.jsonl", "lookalike-traps-2.jsonl", "real-names.jsonl", "real-names-2.jsonl");
    static final double MIN_RECALL = 0.995;
    static final int EPOCHS = 400;
    static final double L2 = 1e-4;
    static final int FOLDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NameProbeTraining() {}

    /** One labelled word: its message, its span and whether it is a child's name. */
    record Example(String id, String name, float[] features, boolean child) {}

    /** The names corpus's split: a message is in the test half when the CRC-32 of its id is odd. */
    static boolean inTest(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 1;
    }

    static List<Example> examples(Encoder encoder) {
        List<Example> out = new ArrayList<>();
        try (var files = Files.list(TRAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (JsonNode n : lines(f)) {
                    String text = n.get("text").asText();
                    Map<int[], Boolean> labelled = new LinkedHashMap<>();
                    spans(text, list(n, "names")).forEach(s -> labelled.put(s, true));
                    spans(text, list(n, "lookalikes")).forEach(s -> labelled.put(s, false));
                    add(encoder, n.get("id").asText(), text, labelled, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Detectors detectors = ProfileDetectors.of(SchoolProfile.load(NAMES.resolve("profile.yaml")));
        for (String file : NAMES_FILES) {
            for (JsonNode n : lines(NAMES.resolve(file))) {
                String id = n.get("id").asText();
                if (inTest(id)) {
                    continue;
                }
                String text = n.get("text").asText();
                List<int[]> expected = spans(text, list(n, "names"));
                Map<int[], Boolean> labelled = new LinkedHashMap<>();
                for (Finding f : detectors.scan(text, List.of())) {
                    if (f.kind() == FindingKind.CHILD_NAME) {
                        labelled.put(new int[] {f.start(), f.end()}, expected.stream().anyMatch(e -> f.start() < e[1] && e[0] < f.end()));
                    }
                }
                add(encoder, id, text, labelled, out);
            }
        }
        return out;
    }

    private static void add(Encoder encoder, String id, String text, Map<int[], Boolean> labelled, List<Example> out) {
        if (labelled.isEmpty()) {
            return;
        }
        List<int[]> spans = new ArrayList<>(labelled.keySet());
        List<float[]> features = SemanticTier.nameFeatures(encoder, text, spans);
        for (int i = 0; i < spans.size(); i++) {
            if (features.get(i) != null) {
                int[] sp = spans.get(i);
                out.add(new Example(id, text.substring(sp[0], sp[1]), features.get(i), labelled.get(sp)));
            }
        }
    }

    /**
     * The names the probe judges: every name its training corpus uses as a look-alike, folded. A name
     * it has never seen used for anything but a child is not second-guessed.
     */
    static java.util.Set<String> ambiguousNames() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (var files = Files.list(TRAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (JsonNode n : lines(f)) {
                    for (String entry : list(n, "lookalikes")) {
                        int mark = entry.lastIndexOf('@');
                        out.add(NameProbe.fold(mark > 0 ? entry.substring(0, mark) : entry));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static NameProbe train(String modelDigest, List<Example> examples) {
        double[] w = fit(examples, -1);
        double[] p = new double[examples.size()];
        for (int f = 0; f < FOLDS; f++) {
            double[] wf = fit(examples, f);
            for (int i = 0; i < examples.size(); i++) {
                if (fold(examples.get(i).id()) == f) {
                    p[i] = probability(wf, examples.get(i).features());
                }
            }
        }
        double threshold = 0.01;
        int positives = (int) examples.stream().filter(Example::child).count();
        for (int step = 1; step <= 50; step++) {
            double t = step / 100.0;
            int kept = 0;
            for (int i = 0; i < examples.size(); i++) {
                kept += examples.get(i).child() && p[i] >= t ? 1 : 0;
            }
            if (kept >= MIN_RECALL * positives) {
                threshold = t;
            }
            if (Boolean.getBoolean("hallpass.showFolds") && step % 5 == 0) {
                int fp = 0;
                for (int i = 0; i < examples.size(); i++) {
                    fp += !examples.get(i).child() && p[i] >= t ? 1 : 0;
                }
                System.out.printf("  out of fold, t %.2f: names kept %.3f, look-alikes kept %.3f%n", t, kept / (double) positives,
                        fp / (double) (examples.size() - positives));
            }
        }
        float[] weights = new float[NameProbe.FEATURES];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) w[i];
        }
        return new NameProbe(modelDigest, weights, (float) w[NameProbe.FEATURES], threshold, ambiguousNames());
    }

    static int fold(String id) {
        String hex = Encoder.sha256(id.getBytes(StandardCharsets.UTF_8));
        return (int) (Long.parseLong(hex.substring(8, 16), 16) % FOLDS);
    }

    static double probability(double[] w, float[] x) {
        double z = w[x.length];
        for (int k = 0; k < x.length; k++) {
            z += x[k] * w[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** L2-regularised logistic regression on every example not in {@code leftOut} (-1: all); look-alikes weighted up to balance. */
    static double[] fit(List<Example> all, int leftOut) {
        List<Example> rows = all.stream().filter(e -> fold(e.id()) != leftOut).toList();
        int d = NameProbe.FEATURES;
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        long positives = rows.stream().filter(Example::child).count();
        double negWeight = Math.sqrt(positives / (double) Math.max(1, rows.size() - positives));
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            double[] g = new double[d + 1];
            for (Example r : rows) {
                float[] x = r.features();
                double err = (probability(w, x) - (r.child() ? 1 : 0)) * (r.child() ? 1 : 1 / negWeight);
                for (int k = 0; k < d; k++) {
                    g[k] += err * x[k];
                }
                g[d] += err;
            }
            double c1 = 1 - Math.pow(0.9, epoch);
            double c2 = 1 - Math.pow(0.999, epoch);
            for (int k = 0; k <= d; k++) {
                double gk = g[k] / rows.size() + (k < d ? L2 * w[k] : 0);
                m[k] = 0.9 * m[k] + 0.1 * gk;
                v[k] = 0.999 * v[k] + 0.001 * gk * gk;
                w[k] -= 0.05 * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
            }
        }
        return w;
    }

    static List<int[]> spans(String text, List<String> entries) {
        List<int[]> out = new ArrayList<>();
        for (String entry : entries) {
            int mark = entry.lastIndexOf('@');
            boolean nth = mark > 0 && mark < entry.length() - 1 && entry.substring(mark + 1).chars().allMatch(Character::isDigit);
            String name = nth ? entry.substring(0, mark) : entry;
            int wanted = nth ? Integer.parseInt(entry.substring(mark + 1)) : 0;
            int occurrence = 0;
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                occurrence++;
                if (wanted == 0 || occurrence == wanted) {
                    out.add(new int[] {at, at + name.length()});
                }
            }
        }
        return out;
    }

    static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        if (n.has(field)) {
            n.get(field).forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    static List<JsonNode> lines(Path p) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String l : Files.readAllLines(p)) {
                if (!l.isBlank()) {
                    out.add(JSON.readTree(l));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the built-in name probe: {@code mvn test -pl policy-semantic -Dtest=NameProbeTraining\$Write -Dhallpass.trainNames=true}. */
    static final class Write {
        @org.junit.jupiter.api.Test
        @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "hallpass.trainNames", matches = "true")
        void writesTheBuiltInNameProbe() throws IOException {
            try (Encoder encoder = Encoder.load(2)) {
                java.util.Set<String> ambiguous = ambiguousNames();
                List<Example> examples = examples(encoder).stream().filter(e -> ambiguous.contains(NameProbe.fold(e.name()))).toList();
                NameProbe probe = train(encoder.modelDigest(), examples);
                Path out = Path.of("src/main/resources").resolve(NameProbe.RESOURCE);
                Files.write(out, probe.bytes());
                long children = examples.stream().filter(Example::child).count();
                System.out.printf("name probe: %d examples (%d names, %d look-alikes), threshold %.2f, written to %s%n", examples.size(), children,
                        examples.size() - children, probe.threshold(), out);
            }
        }
    }
}

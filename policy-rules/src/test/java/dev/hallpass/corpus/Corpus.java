package dev.hallpass.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hallpass.json.PolicyCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The labelled corpus: every case of every file under {@code src/test/resources/corpus}. */
public final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the corpus lives, relative to the policy-rules module. */
    public static final Path FOLDER = Path.of("src/test/resources/corpus");
    /**
     * A held-out corpus written independently of the word lists, never used to tune them: it
     * measures how the detectors do on phrasing they were not fitted to.
     */
    public static final Path HOLDOUT = Path.of("src/test/resources/holdout-final");

    /**
     * One case and where it came from.
     *
     * @param knownGap why the engine is known to get this case wrong, or null; such cases count in
     *     the figures and their tests check that the gap is still there
     */
    public record Labelled(String file, int line, PolicyCase policyCase, String knownGap) {
        /** {@code file:line name}, for test names and reports. */
        public String label() {
            return file + ":" + line + " " + policyCase.name();
        }

        /** True for a case that expects nothing to apply: ALLOW and no clauses. */
        public boolean benign() {
            return policyCase.outcome() == dev.hallpass.facts.Outcome.ALLOW && policyCase.clauses().isEmpty();
        }
    }

    private Corpus() {}

    /** Every case of the labelled corpus, file by file in name order. */
    public static List<Labelled> all() {
        return in(FOLDER);
    }

    /** Every case in {@code folder}, file by file in name order. */
    public static List<Labelled> in(Path folder) {
        List<Labelled> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) {
                        var gap = JSON.readTree(lines.get(i)).get("knownGap");
                        out.add(new Labelled(f.getFileName().toString(), i + 1, PolicyCase.parse(lines.get(i)),
                                gap == null ? null : gap.asText()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

package dev.hallpass.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The labelled corpus in {@code policy-semantic-corpus/}: one JSON object per line, split by origin. */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Split { TRAIN, DEV, TEST }

    record Example(String id, String origin, String text, Set<Kind> labels, Split split) {}

    private Corpus() {}

    /** Every {@code brief-*.jsonl} in {@code dir}, files in name order. */
    static List<Example> read(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("brief-") && p.getFileName().toString().endsWith(".jsonl"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no brief-*.jsonl files");
        }
        List<Example> out = new ArrayList<>();
        for (Path f : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(f + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    JsonNode d = JSON.readTree(lines.get(i));
                    EnumSet<Kind> labels = EnumSet.noneOf(Kind.class);
                    for (JsonNode l : d.path("labels")) {
                        labels.add(Kind.valueOf(l.asText()));
                    }
                    String origin = d.path("origin").asText();
                    out.add(new Example(d.path("id").asText(), origin, d.path("text").asText(), labels, split(origin)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ":" + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** SHA-256 of the origin's UTF-8 bytes, modulo 10: 0–1 test, 2–3 dev, the rest train. */
    static Split split(String origin) {
        byte[] h;
        try {
            h = java.security.MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int mod = new java.math.BigInteger(1, h).mod(java.math.BigInteger.TEN).intValue();
        return mod < 2 ? Split.TEST : mod < 4 ? Split.DEV : Split.TRAIN;
    }
}

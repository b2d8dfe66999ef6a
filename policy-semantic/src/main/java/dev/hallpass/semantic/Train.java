package dev.hallpass.semantic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the classifiers from a labelled corpus and writes their weights:
 * {@code Train <corpus-dir> <classifier.json>}. Reproducible: the same corpus and model give the same file.
 */
public final class Train {
    private Train() {}

    /**
     * Runs training.
     *
     * @param args the corpus folder and the output file
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Train <corpus-dir> <classifier.json>");
            System.exit(2);
        }
        System.err.println(run(Path.of(args[0]), Path.of(args[1])));
    }

    /**
     * Trains on the corpus in {@code corpus} (its {@code brief-*.jsonl} files, train and dev splits; the test split is left out)
     * and writes the weights to {@code out}.
     *
     * @return a one-line summary: the file, its size and its SHA-256
     * @throws IOException if the output cannot be written
     * @throws IllegalArgumentException naming the file and line of a corpus line that cannot be read
     */
    public static String run(Path corpus, Path out) throws IOException {
        List<Corpus.Example> examples = Corpus.read(corpus);
        try (Encoder encoder = Encoder.load(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            Classifier c = train(encoder, examples);
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.write(out, c.bytes());
            return "wrote " + out + " (" + c.bytes().length + " bytes, sha256 " + c.digest() + ")";
        }
    }

    /** Trains on the train and dev splits (the test split is never read); thresholds by cross-validation. */
    static Classifier train(Encoder encoder, List<Corpus.Example> examples) {
        List<Trainer.Row> rows = new ArrayList<>();
        for (Corpus.Example e : examples) {
            if (e.split() != Corpus.Split.TEST) {
                rows.add(row(encoder, e.text(), e.labels(), e.origin()));
            }
        }
        return Trainer.train(encoder.modelDigest(), rows);
    }

    static Trainer.Row row(Encoder encoder, String text, java.util.Set<Kind> labels, String origin) {
        List<dev.hallpass.facts.Finding> lexical = LexicalView.BUILT_IN.findings(text);
        return new Trainer.Row(SemanticTier.features(encoder, text, lexical), labels, kept(lexical), Trainer.fold(origin));
    }

    /** The kinds a kept (structured) word-list finding decides whatever the score. */
    static java.util.Set<Kind> kept(List<dev.hallpass.facts.Finding> lexical) {
        java.util.EnumSet<Kind> out = java.util.EnumSet.noneOf(Kind.class);
        for (dev.hallpass.facts.Finding f : lexical) {
            for (Kind k : Kind.ALL) {
                if (k.kept().contains(f.kind())) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}

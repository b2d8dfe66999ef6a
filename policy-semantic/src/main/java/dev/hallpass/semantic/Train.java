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
        Path out = Path.of(args[1]);
        try (Encoder encoder = Encoder.load(Math.max(1, Runtime.getRuntime().availableProcessors()))) {
            Classifier c = train(encoder, Corpus.read(Path.of(args[0])));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.write(out, c.bytes());
            System.err.println("wrote " + out + " (" + c.bytes().length + " bytes, sha256 " + c.digest() + ")");
        }
    }

    static Classifier train(Encoder encoder, List<Corpus.Example> examples) {
        LexicalView lexicon = new LexicalView();
        List<Trainer.Row> train = new ArrayList<>();
        List<Trainer.Row> dev = new ArrayList<>();
        for (Corpus.Example e : examples) {
            if (e.split() == Corpus.Split.TEST) {
                continue;
            }
            Trainer.Row row = new Trainer.Row(SemanticTier.features(encoder, e.text()), e.labels(), lexicon.kinds(e.text()));
            (e.split() == Corpus.Split.TRAIN ? train : dev).add(row);
        }
        return Trainer.train(encoder.modelDigest(), train, dev);
    }
}

package dev.hallpass.semantic;

import dev.hallpass.facts.Finding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The corpus scored once per test JVM by the built-in tier, shared by the tests that read it. */
final class CorpusRun {
    static final Path CORPUS = Path.of("..", "policy-semantic-corpus");
    private static volatile CorpusRun run;

    final SemanticTier tier;
    final List<Corpus.Example> examples;
    final Map<String, Evaluation.Scored> scored = new ConcurrentHashMap<>();

    private CorpusRun() {
        tier = SemanticTier.load();
        examples = Corpus.read(CORPUS);
        for (Corpus.Example e : examples) {
            List<Finding> lexical = LexicalView.BUILT_IN.findings(e.text());
            scored.put(e.id(), new Evaluation.Scored(e.id(), e.labels(), LexicalView.kinds(lexical),
                    SemanticDetector.kinds(tier.score(e.text(), lexical), lexical)));
        }
    }

    static CorpusRun get() {
        CorpusRun r = run;
        if (r == null) {
            synchronized (CorpusRun.class) {
                r = run;
                if (r == null) {
                    r = new CorpusRun();
                    run = r;
                }
            }
        }
        return r;
    }

    /** The kinds the engine would see in {@code text} with {@code tier}. */
    static Set<Kind> found(SemanticTier tier, String text) {
        List<Finding> lexical = LexicalView.BUILT_IN.findings(text);
        return SemanticDetector.kinds(tier.score(text, lexical), lexical);
    }

    Evaluation on(Corpus.Split split) {
        List<Evaluation.Scored> rows = new ArrayList<>();
        for (Corpus.Example e : examples) {
            if (e.split() == split) {
                rows.add(scored.get(e.id()));
            }
        }
        return new Evaluation(rows);
    }
}

package dev.hallpass.semantic;

import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.Finding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the built-in word lists find in a text: the classifiers' lexical features and the lexicon's view. */
final class LexicalView {
    static final LexicalView BUILT_IN = new LexicalView();

    private final Detectors detectors = Detectors.of(DetectorConfig.NONE);

    List<Finding> findings(String text) {
        return detectors.scan(text, List.of());
    }

    Set<Kind> kinds(String text) {
        return kinds(findings(text));
    }

    static Set<Kind> kinds(List<Finding> findings) {
        EnumSet<Kind> out = EnumSet.noneOf(Kind.class);
        for (Finding f : findings) {
            for (Kind k : Kind.ALL) {
                if (k.lexical().contains(f.kind())) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}

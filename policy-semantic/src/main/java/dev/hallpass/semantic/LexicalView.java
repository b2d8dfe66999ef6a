package dev.hallpass.semantic;

import dev.hallpass.detect.DetectorConfig;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.Finding;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the built-in word lists find in a text, as kinds: the lexicon's half of "lexicon or model". */
final class LexicalView {
    private final Detectors detectors = Detectors.of(DetectorConfig.NONE);

    Set<Kind> kinds(String text) {
        EnumSet<Kind> out = EnumSet.noneOf(Kind.class);
        for (Finding f : detectors.scan(text, List.of())) {
            for (Kind k : Kind.ALL) {
                if (k.lexical().contains(f.kind())) {
                    out.add(k);
                }
            }
        }
        return out;
    }
}

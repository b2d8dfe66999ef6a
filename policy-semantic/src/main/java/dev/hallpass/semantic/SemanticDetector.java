package dev.hallpass.semantic;

import dev.hallpass.MeaningDetector;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The semantic tier as the engine's {@link MeaningDetector}: one finding for each kind whose score reaches
 * its threshold, spanning the sentence that scored highest. Add it with
 * {@code PolicyEngine.builder().meaningDetector(SemanticDetector.load())}.
 */
public final class SemanticDetector implements MeaningDetector, AutoCloseable {
    private final SemanticTier tier;

    private SemanticDetector(SemanticTier tier) {
        this.tier = tier;
    }

    /**
     * Loads the built-in model and classifiers.
     *
     * @throws SemanticException if the model cannot be loaded on this platform
     */
    public static SemanticDetector load() {
        return new SemanticDetector(SemanticTier.load());
    }

    /** Wraps a tier already loaded (it stays owned by the caller). */
    public static SemanticDetector of(SemanticTier tier) {
        return new SemanticDetector(tier);
    }

    @Override
    public List<Finding> findings(String text) {
        List<Finding> out = new ArrayList<>();
        for (Score s : tier.score(text).scores()) {
            if (s.isOver() && s.end() > s.start()) {
                FindingKind kind = FindingKind.valueOf(s.kind().name());
                out.add(Finding.span(kind, s.start(), s.end()));
            }
        }
        return out;
    }

    @Override
    public String digest() {
        return tier.digest();
    }

    /** Closes the tier's model session. */
    @Override
    public void close() {
        tier.close();
    }
}

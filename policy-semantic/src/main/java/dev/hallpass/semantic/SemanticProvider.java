package dev.hallpass.semantic;

import dev.hallpass.MeaningDetector;

/**
 * Offers the semantic tier to every engine built where this module is on the class path (registered in
 * {@code META-INF/services}): {@link SemanticDetector#shared()}. Not for direct use.
 */
public final class SemanticProvider implements MeaningDetector.Provider {
    /** For {@link java.util.ServiceLoader}. */
    public SemanticProvider() {}

    @Override
    public MeaningDetector load() {
        return SemanticDetector.shared();
    }
}

package dev.hallpass;

import dev.hallpass.facts.Finding;
import java.util.List;

/**
 * A detector that reads a message for its meaning rather than its words: the semantic tier
 * ({@code policy-semantic}) implements it, and {@link PolicyEngine.Builder#meaningDetector} adds it
 * beside the built-in word lists. Its findings go to the same rules as the word lists' findings, so a
 * clause matches when either finds what it is about.
 *
 * <p>Implementations must be thread-safe, deterministic (the same text always gives the same
 * findings), bounded in time on any text, and must never log or echo the text.
 */
public interface MeaningDetector {
    /**
     * What this detector finds in {@code text}: spans in UTF-16 offsets of {@code text}, each with a
     * label that says why (for example the score and the threshold).
     *
     * @throws RuntimeException if the text could not be read; the engine then answers the message as
     *     not checked, never as allowed
     */
    List<Finding> findings(String text);

    /** A digest of whatever decides this detector's findings (model file and weights), for the policy digest. */
    String digest();
}

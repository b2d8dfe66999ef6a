package dev.hallpass;

import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.List;
import java.util.Set;

/**
 * A detector that reads a message for its meaning rather than its words: the semantic tier
 * ({@code policy-semantic}) implements it, and {@link PolicyEngine.Builder#meaningDetector} adds it
 * beside the built-in word lists. Its findings go to the same rules as the word lists' findings.
 *
 * <p>A detector may also <em>decide</em> some finding kinds ({@link #decides()}): it is then given the
 * word lists' findings, and of those kinds only the findings it returns reach the rules, so it can set
 * a word-list hit aside ("no rush" is not urgent) as well as add what the word lists missed. The word
 * lists' findings of every other kind, and attachments, always reach the rules.
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

    /**
     * What this detector finds in {@code text}, given what the word lists found there. Only findings
     * within the text may be returned; of the kinds in {@link #decides()}, the returned findings replace
     * the word lists'. By default, {@link #findings(String)}.
     *
     * @param lexical the word lists' findings in {@code text}, in {@link Finding#ORDER}
     * @throws RuntimeException if the text could not be read; the engine then answers the message as
     *     not checked, never as allowed
     */
    default List<Finding> findings(String text, List<Finding> lexical) {
        return findings(text);
    }

    /** The finding kinds whose word-list findings this detector decides (by default none: it only adds). */
    default Set<FindingKind> decides() {
        return Set.of();
    }

    /** A digest of whatever decides this detector's findings (model file and weights), for the policy digest. */
    String digest();

    /**
     * Every score behind {@link #findings(String, List)} for this text, for {@code explain}; empty by default.
     *
     * @param lexical the word lists' findings in {@code text}
     */
    default java.util.Optional<MeaningReport> report(String text, List<Finding> lexical) {
        return java.util.Optional.empty();
    }

    /** The clauses whose threshold a school may set in its profile ({@code clauses."4.3".threshold}); by default none. */
    default Set<String> thresholdClauses() {
        return Set.of();
    }

    /**
     * This detector with a school's thresholds, by clause: each between 0 and 1 (exclusive), each for a
     * clause in {@link #thresholdClauses()}. By default only an empty map is accepted.
     *
     * @throws IllegalArgumentException naming the first clause that has no threshold to set
     */
    default MeaningDetector withThresholds(java.util.Map<String, Double> byClause) {
        if (!byClause.isEmpty()) {
            throw new IllegalArgumentException("clause " + byClause.keySet().iterator().next() + " has no threshold to set");
        }
        return this;
    }

    /** The file in a school's rules folder that {@link #withSchoolTraining} reads, when it is there. */
    String SCHOOL_TRAINING_FILE = "semantic-adjustments.json";

    /**
     * This detector taught by a school's own examples: the school's {@value #SCHOOL_TRAINING_FILE}
     * (untrusted input, bounded by the detector). By default refused.
     *
     * @throws IllegalArgumentException naming {@code source} and what is wrong with the file
     */
    default MeaningDetector withSchoolTraining(byte[] file, String source) {
        throw new IllegalArgumentException(source + ": this semantic tier cannot be taught by a school's examples");
    }

    /**
     * How a module offers its detector to every engine built where it is on the class path (found with
     * {@link java.util.ServiceLoader}); {@code policy-semantic} provides one. A host turns it off with
     * {@link PolicyEngine.Builder#semanticTier(boolean)}.
     */
    interface Provider {
        /**
         * Loads (or returns the already loaded) detector.
         *
         * @throws RuntimeException if it cannot be loaded on this platform; the message says why
         */
        MeaningDetector load();
    }
}

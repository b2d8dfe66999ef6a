package dev.hallpass;

import java.util.List;

/**
 * A decision together with how it was reached: the findings the detectors produced and the rules
 * that fired. What {@code ./policy explain} prints.
 *
 * @param decision the decision, exactly as {@link PolicyEngine#evaluate} returns it
 * @param findings everything the detectors found, as evidence (offsets, never text)
 * @param firedRules the rules that fired, in firing order
 * @param meaning what the semantic tier made of the message (scores, thresholds, the word lists' view),
 *     or null when the engine runs on the word lists alone
 */
public record Explanation(Decision decision, List<Evidence> findings, List<FiredRule> firedRules, MeaningReport meaning) {
    /** Copies the lists. */
    public Explanation {
        findings = List.copyOf(findings);
        firedRules = List.copyOf(firedRules);
    }

    /** An explanation without the semantic tier. */
    public Explanation(Decision decision, List<Evidence> findings, List<FiredRule> firedRules) {
        this(decision, findings, firedRules, null);
    }

    /**
     * One rule that fired.
     *
     * @param rule the rule's name
     * @param clause its {@code @clause} metadata, or "" when it has none
     * @param file the rule file it came from
     */
    public record FiredRule(String rule, String clause, String file) {}
}

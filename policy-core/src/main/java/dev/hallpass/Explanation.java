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
 * @param names each word that could be a child's name, in text order: taken as one and why (roster
 *     entry, alias, context), or set aside and by which rule (a place, a title, a longer proper name)
 */
public record Explanation(Decision decision, List<Evidence> findings, List<FiredRule> firedRules, MeaningReport meaning,
        List<NameReason> names) {
    /** Copies the lists. */
    public Explanation {
        findings = List.copyOf(findings);
        firedRules = List.copyOf(firedRules);
        names = List.copyOf(names);
    }

    /** An explanation without the semantic tier or name reasons. */
    public Explanation(Decision decision, List<Evidence> findings, List<FiredRule> firedRules) {
        this(decision, findings, firedRules, null, List.of());
    }

    /** An explanation without name reasons. */
    public Explanation(Decision decision, List<Evidence> findings, List<FiredRule> firedRules, MeaningReport meaning) {
        this(decision, findings, firedRules, meaning, List.of());
    }

    /**
     * Why a word was or was not taken as a child's name. Offsets only, never the word.
     *
     * @param start UTF-16 offset of the word in the message's text
     * @param end offset after it
     * @param taken true when it was taken as a child's name (and so is among the findings)
     * @param why the roster entry, alias or context cue that made it a name, or the rule that set it aside
     */
    public record NameReason(int start, int end, boolean taken, String why) {}

    /**
     * One rule that fired.
     *
     * @param rule the rule's name
     * @param clause its {@code @clause} metadata, or "" when it has none
     * @param file the rule file it came from
     */
    public record FiredRule(String rule, String clause, String file) {}
}

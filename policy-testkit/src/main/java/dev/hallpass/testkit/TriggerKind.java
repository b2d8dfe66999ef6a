package dev.hallpass.testkit;

import dev.hallpass.facts.FindingKind;

/** What a generated text was built to contain, so a property can check the engine found it. */
public enum TriggerKind {
    /** Nothing: a benign text. */
    NONE(null),
    /** A child's name from the profile's roster. */
    CHILD_NAME(FindingKind.CHILD_NAME),
    /** A UK phone number. */
    PHONE_NUMBER(FindingKind.PHONE_NUMBER),
    /** A child's absence. */
    ABSENCE(FindingKind.ABSENCE),
    /** A change to a child's medication. */
    MEDICATION(FindingKind.MEDICATION_CHANGE),
    /** An urgent request. */
    URGENCY(FindingKind.URGENCY),
    /** An urgency word that is negated ("not urgent"): must not count as urgent. */
    NEGATED_URGENCY(null),
    /** Abusive language. */
    ABUSE(FindingKind.ABUSE);

    private final FindingKind finding;

    TriggerKind(FindingKind finding) {
        this.finding = finding;
    }

    /** The finding a detector should report for this trigger, or null when none should be. */
    public FindingKind finding() {
        return finding;
    }
}

package dev.hallpass.detect;

import dev.hallpass.facts.FindingKind;
import java.util.Set;

/**
 * One recognizer: a small, named piece of the detection stage that finds one entity (or one family
 * of word-list findings) and says what it is. Implementations are immutable and thread-safe, run in
 * time linear in the text's length (no backtracking regular expressions over user text), and never
 * log or keep the text. {@link Pipeline} states the order they run in; {@link Detectors} is the
 * registry that builds them for a school and switches them off.
 */
interface Recognizer {
    /** A short, stable name ("nhs-number"): what {@link DetectorConfig#switchedOff} refers to. */
    String name();

    /** The finding kinds this recognizer may add; empty for a mask that only hides spans. */
    Set<FindingKind> emits();

    /**
     * The words around a candidate that this recognizer reads as evidence ("born", "DOB" before a
     * date of birth; the street suffixes of an address); empty when it needs none.
     */
    default Set<String> contextWords() {
        return Set.of();
    }

    /**
     * Adds a finding for every span of the scan's text this recognizer recognises, with UTF-16
     * offsets, and may hide spans from the recognizers that run after it.
     */
    void scan(Scan scan);
}

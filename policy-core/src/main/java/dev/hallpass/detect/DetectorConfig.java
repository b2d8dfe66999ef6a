package dev.hallpass.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the recognizers need to know about one school, and nothing else: the children's names, the
 * words that are never a child's name there, the school's own phone numbers, its extra word lists
 * and which recognizers are switched off. Built from a school's profile by the engine; immutable.
 *
 * @param roster every child's name with its aliases, in roster order
 * @param notNames texts whose words are never a child's name here (class names and ids, the school's name)
 * @param schoolPhones the school's own phone numbers, which are not personal data in a message
 * @param words the school's word lists by name: a list named like a finding kind extends that kind's
 *     built-in list; any other name is a list of the school's own (found as {@code SCHOOL_WORDS})
 * @param switchedOff names of recognizers that do not run ({@link Detectors#recognizerNames()})
 * @param notNamePhrases phrases in which a roster name is never a child's name (the profile's
 *     {@code notNames}: a local park, an event)
 */
public record DetectorConfig(List<RosterName> roster, List<String> notNames, List<String> schoolPhones,
        Map<String, WordList> words, Set<String> switchedOff, List<String> notNamePhrases) {

    /** No roster, no words of a school's own, no school numbers; every recognizer on. */
    public static final DetectorConfig NONE = new DetectorConfig(List.of(), List.of(), List.of(), Map.of(), Set.of());

    /** A configuration without phrases of the school's own that are never names. */
    public DetectorConfig(List<RosterName> roster, List<String> notNames, List<String> schoolPhones,
            Map<String, WordList> words, Set<String> switchedOff) {
        this(roster, notNames, schoolPhones, words, switchedOff, List.of());
    }

    /** @throws NullPointerException if any part is null */
    public DetectorConfig {
        roster = List.copyOf(roster);
        notNames = List.copyOf(notNames);
        notNamePhrases = List.copyOf(notNamePhrases);
        schoolPhones = List.copyOf(schoolPhones);
        // Kept in the order given: it decides the order of findings of equal span from different lists.
        Map<String, WordList> copy = new LinkedHashMap<>();
        Objects.requireNonNull(words, "words").forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        words = Collections.unmodifiableMap(copy);
        switchedOff = Set.copyOf(switchedOff);
    }

    /** This configuration with {@code recognizers} switched off as well. */
    public DetectorConfig withSwitchedOff(String... recognizers) {
        Set<String> off = new java.util.HashSet<>(switchedOff);
        off.addAll(List.of(recognizers));
        return new DetectorConfig(roster, notNames, schoolPhones, words, off, notNamePhrases);
    }

    /**
     * One child on the roster.
     *
     * @param name the child's name as the school writes it ("Amelia Khan")
     * @param aliases other names the child goes by ("Millie")
     */
    public record RosterName(String name, List<String> aliases) {
        /** @throws NullPointerException if either is null */
        public RosterName {
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * A school's additions to one word list.
     *
     * @param add patterns that find it
     * @param ignore patterns that cancel a match they overlap
     */
    public record WordList(List<String> add, List<String> ignore) {
        /** @throws NullPointerException if either is null */
        public WordList {
            add = List.copyOf(add);
            ignore = List.copyOf(ignore);
        }
    }
}

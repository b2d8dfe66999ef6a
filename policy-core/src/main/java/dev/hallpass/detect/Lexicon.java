package dev.hallpass.detect;

import dev.hallpass.yaml.Yaml;

import dev.hallpass.facts.FindingKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word list the recognizers use, read from {@value #RESOURCE} (shipped by {@code
 * policy-rules}) by {@link LexiconReader} and extended by a school's own lists. Immutable.
 *
 * @param kinds per finding kind: what triggers it, what cancels it
 * @param schoolLists the school's own lists by name; they find {@link FindingKind#SCHOOL_WORDS}
 * @param names the lists the name detector uses
 * @param classes the words of the word classes patterns use ({@code @pron}, {@code @time})
 * @param personal the lists the personal-data recognizers use
 */
record Lexicon(Map<FindingKind, KindWords> kinds, Map<String, KindWords> schoolLists, NameWords names,
        ClassWords classes, PersonalWords personal) {
    static final String RESOURCE = "hallpass/lexicon.yaml";
    /** The name errors in the built-in lists are reported under. */
    static final String SOURCE = "lexicon.yaml";

    /**
     * The lists for one finding kind.
     *
     * @param phrases patterns that find it
     * @param ignore patterns that cancel a match they overlap ("emergency contact")
     * @param negators words that cancel a match when they come up to three words before it, in the
     *     same sentence ("not urgent")
     * @param needs patterns of which one must also appear in the same sentence (a medicine needs a
     *     change: "new inhaler"); empty when nothing else is needed
     */
    record KindWords(List<String> phrases, List<String> ignore, List<String> negators, List<String> needs) {
        KindWords {
            phrases = List.copyOf(phrases);
            ignore = List.copyOf(ignore);
            negators = List.copyOf(negators);
            needs = List.copyOf(needs);
        }

        KindWords plus(List<String> morePhrases, List<String> moreIgnore) {
            List<String> p = new ArrayList<>(phrases);
            p.addAll(morePhrases);
            List<String> i = new ArrayList<>(ignore);
            i.addAll(moreIgnore);
            return new KindWords(p, i, negators, needs);
        }
    }

    /**
     * The name detector's lists (all folded to keys).
     *
     * @param wordNames names that are also ordinary words (Will, May, Grace): names only when used as one
     * @param titles words that make the next name a member of staff (Mrs, Miss, Mr)
     * @param introducers phrases after which a capitalised word is a child's name ("my son")
     * @param relations words after "X's" that make X a child ("Tom's mum")
     * @param notNames capitalised words that are never a child's name (days, months, "I")
     * @param notAfterWordName words which, following a word-name, show it is the ordinary word ("Will you")
     * @param monthContext words which, before "May", show it is the month ("in May")
     * @param timeNames word-names that are also times of year, whose possessive is not a child's
     * @param nameFollowers words which, after a word-name that starts a sentence, show it is a name
     *     ("Grace was", "Will has")
     * @param placeWords words which, after a name, make it part of a place's or event's name ("Florence Road")
     * @param placePrefixes words which, before a name, make it part of a place's name ("Lake Victoria")
     * @param notNamePhrases names of characters, titles, famous people and places in which a roster
     *     first name is not a child's ("Harry Potter", "Florence Nightingale")
     * @param characterCues phrases after which a name is a character or costume ("dressed as")
     * @param eventWords capitalised words which, after a name, make it part of an event's name ("Victoria Day")
     * @param productWords lower-case words which, straight after a name, make it a product or costume
     *     ("Alice band", "Elsa dress", "henry hoover")
     * @param characterNouns nouns which, after "Name the", make the name a character's ("Henry the green engine")
     * @param mediaWords words which, after "Name from the …", make it a character ("Harper from the … books")
     * @param placeNames first names that are also the names of places ("Victoria", "Jordan")
     * @param placeCues words which, before one of the placeNames, make it the place ("near Victoria")
     */
    record NameWords(Set<String> wordNames, Set<String> titles, List<String> introducers, Set<String> relations,
            Set<String> notNames, Set<String> notAfterWordName, Set<String> monthContext, Set<String> timeNames,
            Set<String> nameFollowers, Set<String> placeWords, Set<String> placePrefixes, List<String> notNamePhrases,
            List<String> characterCues, Set<String> eventWords, Set<String> productWords, Set<String> characterNouns,
            Set<String> mediaWords, Set<String> placeNames, List<String> placeCues) {
        NameWords {
            eventWords = Set.copyOf(eventWords);
            productWords = Set.copyOf(productWords);
            characterNouns = Set.copyOf(characterNouns);
            mediaWords = Set.copyOf(mediaWords);
            placeNames = Set.copyOf(placeNames);
            placeCues = List.copyOf(placeCues);
            placeWords = Set.copyOf(placeWords);
            placePrefixes = Set.copyOf(placePrefixes);
            notNamePhrases = List.copyOf(notNamePhrases);
            characterCues = List.copyOf(characterCues);
            wordNames = Set.copyOf(wordNames);
            titles = Set.copyOf(titles);
            introducers = List.copyOf(introducers);
            relations = Set.copyOf(relations);
            notNames = Set.copyOf(notNames);
            notAfterWordName = Set.copyOf(notAfterWordName);
            monthContext = Set.copyOf(monthContext);
            timeNames = Set.copyOf(timeNames);
            nameFollowers = Set.copyOf(nameFollowers);
        }
    }

    /**
     * The words of the pattern word classes (folded to keys); {@code @num}, {@code @name} and
     * {@code @masked} need no words.
     *
     * @param pron {@code @pron}: pronouns for a child (a child's name counts too)
     * @param time {@code @time}: day and time words (a number counts too)
     */
    record ClassWords(Set<String> pron, Set<String> time) {
        ClassWords {
            pron = Set.copyOf(pron);
            time = Set.copyOf(time);
        }
    }

    /**
     * The personal-data recognizers' lists, lower case (postcode areas upper case).
     *
     * @param months month names and their abbreviations, for dates
     * @param ordinalSuffixes "st", "nd": an ordinal's ending (a date's "3rd"; never an inward postcode)
     * @param birthCues what makes a following date a date of birth ("born", "dob")
     * @param birthGapWords words allowed between a birth cue and its date ("born on the")
     * @param postcodeAreas the areas an outward postcode can start with
     * @param streetSuffixes what ends a street's name ("road", "close")
     * @param notStreetNameWords words never part of a street's name ("3 on the way")
     * @param notHouseNumberAfter words after which a number is not a house number ("year 6")
     */
    record PersonalWords(List<String> months, Set<String> ordinalSuffixes, List<String> birthCues, Set<String> birthGapWords,
            Set<String> postcodeAreas, Set<String> streetSuffixes, Set<String> notStreetNameWords,
            Set<String> notHouseNumberAfter) {
        PersonalWords {
            months = List.copyOf(months);
            ordinalSuffixes = Set.copyOf(ordinalSuffixes);
            birthCues = List.copyOf(birthCues);
            birthGapWords = Set.copyOf(birthGapWords);
            postcodeAreas = Set.copyOf(postcodeAreas);
            streetSuffixes = Set.copyOf(streetSuffixes);
            notStreetNameWords = Set.copyOf(notStreetNameWords);
            notHouseNumberAfter = Set.copyOf(notHouseNumberAfter);
        }
    }

    private static volatile Lexicon builtIn;

    /**
     * The built-in lists, read once.
     *
     * @throws LexiconException if they are not on the class path or cannot be read (and again on
     *     the next call: a failure is not cached)
     */
    static Lexicon builtIn() {
        Lexicon l = builtIn;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = builtIn;
                if (l == null) {
                    l = load();
                    builtIn = l;
                }
            }
        }
        return l;
    }

    /**
     * This lexicon with a school's word lists: a list named like a finding kind extends that kind's
     * list; any other name is a list of the school's own.
     */
    Lexicon extendedBy(Map<String, DetectorConfig.WordList> lists) {
        if (lists.isEmpty()) {
            return this;
        }
        Map<FindingKind, KindWords> merged = new EnumMap<>(FindingKind.class);
        merged.putAll(kinds);
        Map<String, KindWords> own = new java.util.LinkedHashMap<>(schoolLists);
        KindWords empty = new KindWords(List.of(), List.of(), List.of(), List.of());
        lists.forEach((name, list) -> {
            FindingKind kind = builtInKind(name);
            if (kind != null) {
                merged.put(kind, merged.getOrDefault(kind, empty).plus(list.add(), list.ignore()));
            } else {
                own.put(name, own.getOrDefault(name, empty).plus(list.add(), list.ignore()));
            }
        });
        return new Lexicon(merged, own, names, classes, personal);
    }

    private static FindingKind builtInKind(String name) {
        for (FindingKind k : FindingKind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The built-in lists if they have been read already, else null (never reads them). */
    static Lexicon builtInIfRead() {
        return builtIn;
    }

    private static Lexicon load() {
        try {
            return parse(Yaml.classPathText(RESOURCE).orElseThrow(() ->
                    new LexiconException(SOURCE, List.of("(root): " + RESOURCE + " not found: is policy-rules on the class path?"))));
        } catch (IOException e) {
            throw new LexiconException(SOURCE, List.of("(root): could not be read (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * Reads word lists written like {@value #RESOURCE}; every section is optional.
     *
     * @throws LexiconException naming the field path of every problem
     */
    static Lexicon parse(String yaml) {
        return LexiconReader.read(yaml, SOURCE);
    }
}

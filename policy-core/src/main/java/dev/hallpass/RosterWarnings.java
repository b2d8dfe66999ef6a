package dev.hallpass;

import dev.hallpass.detect.Detectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Roster entries that are legal but risky (contract §7.1's spirit: say so before going live): a
 * name the detector matches on its own (a child's first name, an alias) that has only one to
 * three letters, or is a common English word, may be found as a child's name where it is only a
 * word ("Al", "And", "Mason"). Names the detector already treats as word-names (Will, May, Grace,
 * Bob: {@link Detectors#isOrdinaryWord}) and aliases that are common words (Kit, Sunny: found only
 * where used as names) are covered; so is a word the profile's {@code notNames} lists. Such entries
 * are warnings, never refusals.
 */
final class RosterWarnings {
    /** About a hundred of the most frequent English words, almost all function words. */
    static final Set<String> COMMON_WORDS = Set.of(
            "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it", "for", "not", "on", "with", "he",
            "as", "you", "do", "at", "this", "but", "his", "by", "from", "they", "we", "say", "her", "she", "or",
            "an", "will", "my", "one", "all", "would", "there", "their", "what", "so", "up", "out", "if", "about",
            "who", "get", "which", "go", "me", "when", "make", "can", "like", "time", "no", "just", "him", "know",
            "take", "into", "year", "your", "good", "some", "could", "them", "see", "other", "than", "then", "now",
            "look", "only", "come", "its", "over", "think", "also", "back", "after", "use", "two", "how", "our",
            "work", "first", "well", "way", "even", "new", "want", "because", "any", "these", "give", "day",
            "most", "us", "is", "are", "was", "were", "been", "has", "had", "did", "does", "am", "may", "might",
            "must", "shall", "should", "very", "here", "where", "why", "yes", "each", "both", "such", "own", "same");

    private RosterWarnings() {}

    /** One line per risky entry, {@code classes[0].children[2].aliases[0]: "Al" is 1–3 letters; ...}. */
    static List<String> of(SchoolProfile profile) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < profile.classes().size(); c++) {
            List<SchoolProfile.Child> children = profile.classes().get(c).children();
            for (int k = 0; k < children.size(); k++) {
                String path = "classes[" + c + "].children[" + k + "]";
                SchoolProfile.Child child = children.get(k);
                String[] parts = child.name().trim().split("\\s+");
                check(parts[0], path + ".name", false, profile, out);
                List<String> aliases = child.aliases();
                for (int a = 0; a < aliases.size(); a++) {
                    String alias = aliases.get(a).trim();
                    if (!alias.contains(" ")) { // a longer alias is matched only as a whole
                        check(alias, path + ".aliases[" + a + "]", true, profile, out);
                    }
                }
            }
        }
        return out;
    }

    private static void check(String word, String path, boolean alias, SchoolProfile profile, List<String> out) {
        String problem = problem(word);
        if (problem == null && !alias && !DetectorSetup.isOrdinaryWord(word) && DetectorSetup.isCommonWord(word)
                && profile.notNames().stream().noneMatch(n -> n.equalsIgnoreCase(word))) {
            problem = "is a common English word (it is found as a child's name wherever it is written as a name-like word; "
                    + "list the places and phrases where it is not a name under notNames)";
        }
        if (problem != null) {
            out.add(path + ": \"" + word + "\" " + problem + "; it may be taken as a child's name where it is only a word");
        }
    }

    /** Why {@code word} is risky as a name, or null when it is not. */
    static String problem(String word) {
        if (word.isEmpty() || DetectorSetup.isOrdinaryWord(word)) {
            return null;
        }
        if (COMMON_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
            return "is a common English word";
        }
        long letters = word.codePoints().filter(Character::isLetter).count();
        return letters >= 1 && letters <= 3 ? "is 1–3 letters" : null;
    }
}

package dev.hallpass;

import java.util.List;

/**
 * What a meaning detector (the semantic tier) made of one message, for {@code explain}: every kind's
 * score beside its threshold and the word lists' view of the same thing. Offsets only, never text.
 *
 * @param scores one per kind the detector classifies, in its own order
 * @param scoredChars how many UTF-16 units from the start of the text the model read
 * @param textLength the text's length in UTF-16 units; past {@code scoredChars} only the word lists read it
 * @param names the detector's judgement of each child's name the word lists found that it judged
 *     (empty when it judges none)
 */
public record MeaningReport(List<KindScore> scores, int scoredChars, int textLength, List<NameScore> names) {
    /** Copies the lists. */
    public MeaningReport {
        scores = List.copyOf(scores);
        names = List.copyOf(names);
    }

    /** A report without name judgements. */
    public MeaningReport(List<KindScore> scores, int scoredChars, int textLength) {
        this(scores, scoredChars, textLength, List.of());
    }

    /**
     * How sure the detector is that a word the word lists took for a child's name is one.
     *
     * @param start UTF-16 offset of the name
     * @param end UTF-16 offset just past it
     * @param score the probability that it is a child's name, 0 to 1
     * @param threshold below this the word lists' finding is set aside
     * @param child whether it stays a child's name
     */
    public record NameScore(int start, int end, double score, double threshold, boolean child) {}

    /** True when the model read the whole text. */
    public boolean readWholeText() {
        return scoredChars >= textLength;
    }

    /**
     * One kind's score.
     *
     * @param kind the finding kind ("ABSENCE", "PERSONAL_INFO")
     * @param clause the clause it is cited under
     * @param score the classifier's probability, 0 to 1
     * @param threshold the threshold in force (the profile's, or the trained default)
     * @param found whether the score reaches the threshold
     * @param start UTF-16 offset of the sentence that scored highest, or null when nothing was scored
     * @param end UTF-16 offset just past it, or null
     * @param lexical the word lists' finding kinds of the same meaning found in the text ("HEALTH"); the
     *     structured ones count whatever the score, the others only when it reaches the threshold
     */
    public record KindScore(String kind, String clause, double score, double threshold, boolean found, Integer start, Integer end,
            List<String> lexical) {
        /** Copies the list. */
        public KindScore {
            lexical = List.copyOf(lexical);
        }
    }
}

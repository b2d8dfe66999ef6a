package dev.hallpass.semantic;

import java.util.List;

/**
 * Every kind's score for one message.
 *
 * @param scores one per {@link Kind}, in {@link Kind#ALL} order
 * @param windows how many windows of at most 128 tokens the model read
 * @param scoredChars how many UTF-16 units from the start of the text the model read; the rest, if
 *     any, is covered by the word lists only
 * @param names the name probe's score for each one-word child's name the word lists found in the
 *     part the model read, in text order
 */
public record Scores(List<Score> scores, int windows, int scoredChars, List<NameScore> names) {
    public Scores {
        scores = List.copyOf(scores);
        names = List.copyOf(names);
    }

    /** Scores without name scores. */
    public Scores(List<Score> scores, int windows, int scoredChars) {
        this(scores, windows, scoredChars, List.of());
    }

    /** The name probe's score for the name at {@code [start, end)}, or null when it was not scored. */
    public NameScore name(int start, int end) {
        for (NameScore n : names) {
            if (n.start() == start && n.end() == end) {
                return n;
            }
        }
        return null;
    }

    /** The score for one kind. */
    public Score of(Kind kind) {
        return scores.get(kind.ordinal());
    }
}

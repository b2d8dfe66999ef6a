package dev.hallpass.semantic;

import java.util.List;

/**
 * Every kind's score for one message.
 *
 * @param scores one per {@link Kind}, in {@link Kind#ALL} order
 * @param windows how many windows of at most 128 tokens the model read
 * @param scoredChars how many UTF-16 units from the start of the text the model read; the rest, if
 *     any, is covered by the word lists only
 */
public record Scores(List<Score> scores, int windows, int scoredChars) {
    public Scores {
        scores = List.copyOf(scores);
    }

    /** The score for one kind. */
    public Score of(Kind kind) {
        return scores.get(kind.ordinal());
    }
}

package dev.hallpass.semantic;

/**
 * One kind's score for a message.
 *
 * @param kind what was classified
 * @param value the classifier's probability, in [0, 1]
 * @param threshold the threshold in force; the kind is found when {@code value >= threshold}
 * @param start UTF-16 offset where the sentence that scored highest starts
 * @param end UTF-16 offset just past that sentence
 */
public record Score(Kind kind, double value, double threshold, int start, int end) {
    /** Whether the score reaches its threshold. */
    public boolean isOver() {
        return value >= threshold;
    }
}

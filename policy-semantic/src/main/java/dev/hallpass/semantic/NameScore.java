package dev.hallpass.semantic;

/**
 * How sure the tier is that a word the word lists took for a child's name is one.
 *
 * @param start UTF-16 offset where the name starts
 * @param end UTF-16 offset just past it
 * @param value the name probe's probability that it is a child's name, in [0, 1]
 * @param threshold the threshold in force: below it the word lists' finding is set aside
 */
public record NameScore(int start, int end, double value, double threshold) {
    /** Whether the word stays a child's name. */
    public boolean isChild() {
        return value >= threshold;
    }
}

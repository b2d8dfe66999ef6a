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
 * @param sentences every kind's score for each sentence of each window the model read (a window of one
 *     sentence: the window's score), in text order; they confirm the word lists' findings inside them
 *     ({@link #confirms})
 */
public record Scores(List<Score> scores, int windows, int scoredChars, List<NameScore> names, List<Score> sentences) {
    public Scores {
        scores = List.copyOf(scores);
        names = List.copyOf(names);
        sentences = List.copyOf(sentences);
    }

    /** Scores without sentence scores. */
    public Scores(List<Score> scores, int windows, int scoredChars, List<NameScore> names) {
        this(scores, windows, scoredChars, names, List.of());
    }

    /** Scores without name or sentence scores. */
    public Scores(List<Score> scores, int windows, int scoredChars) {
        this(scores, windows, scoredChars, List.of(), List.of());
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

    /**
     * The highest score for {@code kind} of a sentence overlapping {@code [start, end)}: the score that
     * decides a word-list finding there. At least the message's score for the kind when no sentence
     * was scored there.
     */
    public double at(Kind kind, int start, int end) {
        double best = of(kind).value();
        for (Score s : sentences) {
            if (s.kind() == kind && s.start() < end && s.end() > start && s.value() > best) {
                best = s.value();
            }
        }
        return best;
    }

    /**
     * Whether a word-list finding of {@code kind} at {@code [start, end)} is confirmed: the message's score
     * reaches the threshold, or the score of the sentence it is in reaches the threshold and {@value
     * #SENTENCE_CONFIRMS}. A message about several things
     * ("she is off sick today; has anyone seen her folder?") is not scored as absent as a whole, but its
     * first sentence is, and the word lists found the absence there.
     */
    public boolean confirms(Kind kind, int start, int end) {
        Score s = of(kind);
        return s.isOver() || at(kind, start, end) >= Math.max(s.threshold(), SENTENCE_CONFIRMS);
    }

    /**
     * The score a sentence needs, at least, to confirm a word-list finding in it when the message as a whole
     * does not. Chosen on the corpus's dev split (issue 17) as the lowest floor on a 0.05 grid that changes
     * no dev decision: 0.5–0.7 flagged one more benign dev message. On the never-tuned test split it
     * changed one message, for the better (labels exactly right 78.5% → 78.6%, benign flagged unchanged).
     */
    public static final double SENTENCE_CONFIRMS = 0.75;
}

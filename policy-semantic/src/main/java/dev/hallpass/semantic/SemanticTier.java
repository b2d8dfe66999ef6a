package dev.hallpass.semantic;

import dev.hallpass.facts.Finding;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The semantic tier: the embedding model and the trained classifiers, loaded once and shared.
 *
 * <p>Thread-safe. A message is read in windows of whole sentences of at most 128
 * tokens; at most {@value #MAX_WINDOWS} windows and {@value #MAX_SCORED_CHARS} characters are scored, so
 * a long text costs no more than a few model runs. A kind's score is its highest over the windows, and its
 * evidence is the sentence within that window that scored highest.
 */
public final class SemanticTier implements AutoCloseable {
    /** Windows scored at most per message. */
    public static final int MAX_WINDOWS = 4;
    /** UTF-16 units read at most from the start of a message. */
    public static final int MAX_SCORED_CHARS = 4_000;

    private final Encoder encoder;
    private final Classifier classifier;
    private final SchoolAdjustments adjustments;
    /** Tells children's names from look-alikes; null: every name the word lists found stands. */
    private final NameProbe names;

    private SemanticTier(Encoder encoder, Classifier classifier, NameProbe names) {
        this(encoder, classifier, null, names);
    }

    private SemanticTier(Encoder encoder, Classifier classifier, SchoolAdjustments adjustments, NameProbe names) {
        this.encoder = encoder;
        this.classifier = classifier;
        this.adjustments = adjustments;
        this.names = names;
    }

    /** This tier with a school's adjustments ({@link SchoolTraining}); the model and weights are shared. */
    SemanticTier withAdjustments(SchoolAdjustments a) {
        if (!a.classifierDigest().equals(classifier.digest())) {
            throw new IllegalArgumentException("trained against other classifier weights (" + a.classifierDigest().substring(0, 12)
                    + "…, these are " + classifier.digest().substring(0, 12) + "…): train again with ./policy train");
        }
        return new SemanticTier(encoder, classifier, a, names);
    }

    SchoolAdjustments adjustments() {
        return adjustments;
    }

    /**
     * Loads the model and the built-in classifier from the class path.
     *
     * @throws SemanticException if ONNX Runtime has no native library for this platform, or a resource is
     *     missing or does not match the model
     */
    public static SemanticTier load() {
        return load(Classifier.builtIn());
    }

    static SemanticTier load(Classifier classifier) {
        Encoder encoder = Encoder.load(1);
        NameProbe probe = NameProbe.builtIn();
        for (String trained : new String[] {classifier.modelDigest(), probe.modelDigest()}) {
            if (!encoder.modelDigest().equals(trained)) {
                encoder.close();
                throw new SemanticException("the classifier or name probe was trained on model " + trained
                        + " but the model on the class path is " + encoder.modelDigest() + ": train again");
            }
        }
        return new SemanticTier(encoder, classifier, probe);
    }

    static SemanticTier of(Encoder encoder, Classifier classifier) {
        return new SemanticTier(encoder, classifier, null);
    }

    static SemanticTier of(Encoder encoder, Classifier classifier, NameProbe names) {
        return new SemanticTier(encoder, classifier, names);
    }

    /** This tier with another name probe (null: none), the model and classifiers shared. */
    SemanticTier withNameProbe(NameProbe probe) {
        return new SemanticTier(encoder, classifier, adjustments, probe);
    }

    NameProbe nameProbe() {
        return names;
    }

    /** A digest of the model file and the classifier weights together. */
    public String digest() {
        return Encoder.sha256((encoder.modelDigest() + "\n" + classifier.digest() + (adjustments == null ? "" : "\n" + adjustments.digest())
                + (names == null ? "" : "\nnames " + names.digest())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * This tier with some kinds' thresholds replaced (the model and weights are shared, not copied).
     *
     * @throws IllegalArgumentException if a threshold is not strictly between 0 and 1
     */
    public SemanticTier withThresholds(java.util.Map<Kind, Double> thresholds) {
        Classifier c = classifier;
        for (var e : thresholds.entrySet()) {
            c = c.withThreshold(e.getKey(), e.getValue());
        }
        return new SemanticTier(encoder, c, adjustments, names);
    }

    Classifier classifier() {
        return classifier;
    }

    Encoder encoder() {
        return encoder;
    }

    /** Scores {@code text} for every kind, with the built-in word lists' findings as the lexicon's view. */
    public Scores score(String text) {
        return score(text, LexicalView.BUILT_IN.findings(text));
    }

    /**
     * Scores {@code text} for every kind. The classifiers read the word lists' findings beside the model's
     * embedding: {@code lexical} is what the word lists found in {@code text} (UTF-16 spans of it).
     */
    public Scores score(String text, List<Finding> lexical) {
        int limit = scoredLength(text);
        String head = wellFormed(text.substring(0, limit));
        Encoder.Tokens tokens = encoder.tokenize(head);
        List<int[]> sentences = sentences(head);
        double[] best = new double[Kind.ALL.size()];
        int[][] evidence = new int[Kind.ALL.size()][];
        java.util.Arrays.fill(best, -1);
        int windows = 0;
        int token = 0;
        int n = tokens.ids().length;
        int scoredChars = 0;
        List<NameScore> nameScores = new ArrayList<>();
        while (token < n && windows < MAX_WINDOWS) {
            int end = windowEnd(tokens, sentences, token);
            float[][] rows = encoder.hidden(tokens.ids(), token, end);
            int charFrom = tokens.starts()[token];
            int charTo = tokens.ends()[end - 1];
            Features window = new Features(Vectors.meanNormalised(rows, 0, rows.length), Ngrams.of(head, charFrom, charTo),
                    Features.lexicalIn(lexical, charFrom, charTo));
            List<int[]> parts = sentencesIn(tokens, sentences, token, end);
            List<Features> partFeatures = new ArrayList<>();
            List<int[]> partSpans = new ArrayList<>();
            if (parts.size() > 1) {
                for (int[] p : parts) { // p = {fromToken, toToken}
                    int a = tokens.starts()[p[0]];
                    int b = tokens.ends()[p[1] - 1];
                    partSpans.add(new int[] {a, b});
                    partFeatures.add(new Features(Vectors.meanNormalised(rows, p[0] - token, p[1] - token), Ngrams.of(head, a, b),
                            Features.lexicalIn(lexical, a, b)));
                }
            }
            if (names != null) {
                scoreNames(head, lexical, rows, tokens, token, charFrom, charTo, window.embedding(), nameScores);
            }
            SchoolAdjustments.Exemplar like = adjustments == null ? null : adjustments.nearest(window.embedding());
            for (Kind k : Kind.ALL) {
                Weights w = classifier.weights(k);
                int[] span = bestSentence(partFeatures, partSpans, w, charFrom, charTo);
                // a sentence alone is not scored higher: measured worse on dev
                double p = adjustments == null ? w.probability(window) : adjustments.adjust(k, w.logit(window), like);
                if (p > best[k.ordinal()]) {
                    best[k.ordinal()] = p;
                    evidence[k.ordinal()] = span;
                }
            }
            scoredChars = charTo;
            windows++;
            token = end;
        }
        List<Score> out = new ArrayList<>();
        for (Kind k : Kind.ALL) {
            int[] ev = evidence[k.ordinal()];
            double t = classifier.weights(k).threshold();
            out.add(ev == null ? new Score(k, 0, t, 0, 0) : new Score(k, best[k.ordinal()], t, ev[0], ev[1]));
        }
        if (token >= n) {
            scoredChars = limit;
        }
        return new Scores(out, windows, scoredChars, nameScores);
    }

    /**
     * Adds the name probe's score for each one-word child's name the word lists found inside this
     * window ({@code [charFrom, charTo)} of {@code head}) that the probe judges; a full name ("Amelia
     * Khan") or a name with no other use ("Maise") is not scored, and stands.
     */
    private void scoreNames(String head, List<Finding> lexical, float[][] rows, Encoder.Tokens tokens, int firstToken, int charFrom,
            int charTo, float[] windowMean, List<NameScore> out) {
        for (Finding f : lexical) {
            if (f.isAttachment() || f.kind() != dev.hallpass.facts.FindingKind.CHILD_NAME || f.start() < charFrom || f.end() > charTo
                    || !oneWord(head, f.start(), f.end()) || !names.judges(head.substring(f.start(), f.end()))) {
                continue;
            }
            float[] x = NameProbe.features(rows, tokens, firstToken, f.start(), f.end(), windowMean);
            if (x != null) {
                out.add(new NameScore(f.start(), f.end(), names.probability(x), names.threshold()));
            }
        }
    }

    private static boolean oneWord(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name probe's features for each span of {@code text} (null where it lies past what the
     * model reads or no token covers it), read exactly as {@link #score} reads them: for training.
     */
    static List<float[]> nameFeatures(Encoder encoder, String text, List<int[]> spans) {
        int limit = scoredLength(text);
        String head = wellFormed(text.substring(0, limit));
        Encoder.Tokens tokens = encoder.tokenize(head);
        List<int[]> sentences = sentences(head);
        float[][] out = new float[spans.size()][];
        int token = 0;
        int windows = 0;
        int n = tokens.ids().length;
        while (token < n && windows < MAX_WINDOWS) {
            int end = windowEnd(tokens, sentences, token);
            float[][] rows = encoder.hidden(tokens.ids(), token, end);
            int charFrom = tokens.starts()[token];
            int charTo = tokens.ends()[end - 1];
            float[] mean = Vectors.meanNormalised(rows, 0, rows.length);
            for (int k = 0; k < spans.size(); k++) {
                int[] sp = spans.get(k);
                if (out[k] == null && sp[0] >= charFrom && sp[1] <= charTo) {
                    out[k] = NameProbe.features(rows, tokens, token, sp[0], sp[1], mean);
                }
            }
            windows++;
            token = end;
        }
        return java.util.Arrays.asList(out);
    }

    /** Features of a text as training sees it: its first window, as {@link #score} reads it. */
    static Features features(Encoder encoder, String text, List<Finding> lexical) {
        String head = wellFormed(text.substring(0, scoredLength(text)));
        Encoder.Tokens tokens = encoder.tokenize(head);
        if (tokens.ids().length == 0) {
            return new Features(new float[Encoder.DIMENSIONS], Ngrams.of(head, 0, head.length()),
                    Features.lexicalIn(lexical, 0, head.length()));
        }
        int end = windowEnd(tokens, sentences(head), 0);
        float[][] rows = encoder.hidden(tokens.ids(), 0, end);
        int from = tokens.starts()[0];
        int to = tokens.ends()[end - 1];
        return new Features(Vectors.meanNormalised(rows, 0, rows.length), Ngrams.of(head, from, to),
                Features.lexicalIn(lexical, from, to));
    }

    /** The part of {@code text} the model reads, made well-formed: what {@link #score} tokenises. */
    static String head(String text) {
        return wellFormed(text.substring(0, scoredLength(text)));
    }

    /** The windows {@link #score} runs the model on, as token ranges {from, to} of {@code head(text)}'s tokens. */
    static List<int[]> windows(Encoder encoder, String text) {
        String head = head(text);
        Encoder.Tokens tokens = encoder.tokenize(head);
        List<int[]> sentences = sentences(head);
        List<int[]> out = new ArrayList<>();
        int token = 0;
        while (token < tokens.ids().length && out.size() < MAX_WINDOWS) {
            int end = windowEnd(tokens, sentences, token);
            out.add(new int[] {token, end});
            token = end;
        }
        return out;
    }

    /** The sentence of a window that scores highest for {@code w}; the whole window when it is one sentence. */
    private static int[] bestSentence(List<Features> parts, List<int[]> spans, Weights w, int charFrom, int charTo) {
        if (parts.isEmpty()) {
            return new int[] {charFrom, charTo};
        }
        double best = -1;
        int[] span = null;
        for (int i = 0; i < parts.size(); i++) {
            double s = w.probability(parts.get(i));
            if (s > best) {
                best = s;
                span = spans.get(i);
            }
        }
        return span;
    }

    /**
     * {@code s} with every unpaired surrogate replaced by U+FFFD, one unit for one, so offsets still
     * point into the original: the tokenizer reads UTF-8 and cannot take half a character.
     */
    static String wellFormed(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean paired = Character.isHighSurrogate(ch) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    : !Character.isLowSurrogate(ch) || (i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (Character.isHighSurrogate(ch) && paired) {
                i++;
                continue;
            }
            if (!paired) {
                if (c == null) {
                    c = s.toCharArray();
                }
                c[i] = '\uFFFD';
            }
        }
        return c == null ? s : new String(c);
    }

    private static int scoredLength(String text) {
        if (text.length() <= MAX_SCORED_CHARS) {
            return text.length();
        }
        int cut = MAX_SCORED_CHARS;
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }

    /** Sentence spans {start, end} of a text, in UTF-16 units. */
    static List<int[]> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.UK);
        it.setText(text);
        List<int[]> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            out.add(new int[] {start, end});
        }
        return out;
    }

    /** The end token (exclusive) of the window starting at {@code from}: whole sentences while they fit. */
    private static int windowEnd(Encoder.Tokens tokens, List<int[]> sentences, int from) {
        int max = Math.min(tokens.ids().length, from + Encoder.MAX_TOKENS - 2);
        int end = from;
        for (int t = from; t < max; t++) {
            if (t + 1 == tokens.ids().length || sentenceIndex(sentences, tokens.starts()[t + 1]) != sentenceIndex(sentences, tokens.starts()[t])) {
                end = t + 1; // a sentence ends after token t
            }
        }
        return end == from ? max : end; // one sentence longer than a window is cut at the window
    }

    private static List<int[]> sentencesIn(Encoder.Tokens tokens, List<int[]> sentences, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int t = from + 1; t <= to; t++) {
            if (t == to || sentenceIndex(sentences, tokens.starts()[t]) != sentenceIndex(sentences, tokens.starts()[t - 1])) {
                out.add(new int[] {start, t});
                start = t;
            }
        }
        return out;
    }

    private static int sentenceIndex(List<int[]> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sentences.get(mid)[0] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Releases the model's native session. */
    @Override
    public void close() {
        encoder.close();
    }
}

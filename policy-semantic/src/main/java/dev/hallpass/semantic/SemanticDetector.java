package dev.hallpass.semantic;

import dev.hallpass.MeaningDetector;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The semantic tier as the engine's {@link MeaningDetector}. For each kind, the classifier reads the
 * model's embedding and the word lists' findings together and decides: when the score reaches the
 * threshold, the word lists' findings of that kind reach the rules (or, where the word lists found
 * nothing, one finding spanning the sentence that scored highest); when it does not, they are set aside.
 * Structured findings (phone numbers, e-mail addresses, postcodes, street addresses, dates of birth,
 * NHS numbers, a child's sleep or meals) always reach the rules, and so do a school's own phrases (its
 * profile's {@code words.KIND.add}) and any word-list finding past the part of a long text the model read. Add it with {@code PolicyEngine.builder().meaningDetector(SemanticDetector.load())}.
 */
public class SemanticDetector implements MeaningDetector, AutoCloseable {
    private static final Set<FindingKind> DECIDES;

    static {
        EnumSet<FindingKind> d = EnumSet.noneOf(FindingKind.class);
        for (Kind k : Kind.ALL) {
            d.add(k.finding());
            d.addAll(k.decided());
        }
        d.add(FindingKind.CHILD_NAME); // by the name probe
        DECIDES = java.util.Collections.unmodifiableSet(d);
    }

    private final SemanticTier tier;

    SemanticDetector(SemanticTier tier) {
        this.tier = tier;
    }

    /**
     * Loads the built-in model and classifiers.
     *
     * @throws SemanticException if the model cannot be loaded on this platform
     */
    public static SemanticDetector load() {
        return new SemanticDetector(SemanticTier.load());
    }

    /**
     * The built-in model and classifiers, loaded once per JVM and shared by every engine (the model and
     * weights never change, and one ONNX Runtime session serves many threads). Never close it.
     *
     * @throws SemanticException if the model cannot be loaded on this platform (and again on every call)
     */
    public static synchronized SemanticDetector shared() {
        if (shared != null) {
            return shared;
        }
        if (sharedFailure != null) {
            throw new SemanticException(sharedFailure.getMessage(), sharedFailure);
        }
        try {
            shared = new SemanticDetector(SemanticTier.load()) {
                @Override
                public void close() {
                    // shared by every engine in the JVM: stays open
                }
            };
            return shared;
        } catch (SemanticException e) {
            sharedFailure = e;
            throw e;
        } catch (RuntimeException | LinkageError e) {
            sharedFailure = new SemanticException("the model could not be loaded on this platform (" + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + "): " + e, e);
            throw sharedFailure;
        }
    }

    private static SemanticDetector shared;
    private static SemanticException sharedFailure;

    /** Wraps a tier already loaded (it stays owned by the caller). */
    public static SemanticDetector of(SemanticTier tier) {
        return new SemanticDetector(tier);
    }

    /** The tier this detector asks. */
    public SemanticTier tier() {
        return tier;
    }

    /** What the detector decides in {@code text}, with the built-in word lists' findings as their view. */
    @Override
    public List<Finding> findings(String text) {
        return findings(text, LexicalView.BUILT_IN.findings(text));
    }

    @Override
    public List<Finding> findings(String text, List<Finding> lexical) {
        Scores scores = tier.score(text, lexical);
        return decide(scores, lexical, () -> new java.util.HashSet<>(LexicalView.BUILT_IN.findings(text.substring(0, scores.scoredChars()))));
    }

    @Override
    public java.util.Optional<dev.hallpass.MeaningReport> report(String text, List<Finding> lexical) {
        Scores scores = tier.score(text, lexical);
        List<dev.hallpass.MeaningReport.KindScore> out = new ArrayList<>();
        for (Score s : scores.scores()) {
            java.util.TreeSet<String> lex = new java.util.TreeSet<>();
            for (Finding f : lexical) {
                if (!f.isAttachment() && s.kind().lexical().contains(f.kind())) {
                    lex.add(f.kind().name());
                }
            }
            boolean scored = s.end() > s.start();
            out.add(new dev.hallpass.MeaningReport.KindScore(s.kind().name(), s.kind().clause(), s.value(), s.threshold(), s.isOver(),
                    scored ? s.start() : null, scored ? s.end() : null, List.copyOf(lex)));
        }
        List<dev.hallpass.MeaningReport.NameScore> names = new ArrayList<>();
        for (NameScore n : scores.names()) {
            names.add(new dev.hallpass.MeaningReport.NameScore(n.start(), n.end(), n.value(), n.threshold(), n.isChild()));
        }
        return java.util.Optional.of(new dev.hallpass.MeaningReport(out, scores.scoredChars(), text.length(), names));
    }

    /**
     * The findings the rules see of the kinds this detector decides, given the scores and the word lists'
     * findings. A word-list finding the built-in lists do not make ({@code builtIn}, asked for only when a
     * finding would be set aside; the part of the text the model read) comes from a phrase the school added
     * in its profile: it counts whatever the score, as the school asked.
     */
    static List<Finding> decide(Scores scores, List<Finding> lexical, java.util.function.Supplier<Set<Finding>> builtInOfHead) {
        List<Finding> out = new ArrayList<>();
        Set<Finding> builtIn = null;
        for (Kind k : Kind.ALL) {
            Score s = scores.of(k);
            boolean covered = false;
            for (Finding f : lexical) {
                if (f.isAttachment()) {
                    continue;
                }
                if (k.kept().contains(f.kind())) {
                    covered = true;
                } else if (k.decided().contains(f.kind()) || f.kind() == k.finding()) {
                    boolean past = f.end() > scores.scoredChars();
                    if (s.isOver() && !past) {
                        out.add(f.withScore(s.value()));
                        covered = true;
                        continue;
                    }
                    boolean keep = past;
                    if (!keep) {
                        builtIn = builtIn != null ? builtIn : builtInOfHead.get();
                        keep = !builtIn.contains(f);
                    }
                    if (keep) {
                        out.add(f);
                        covered = true;
                    }
                }
            }
            if (s.isOver() && !covered && s.end() > s.start()) {
                out.add(Finding.span(k.finding(), s.start(), s.end()).withScore(s.value()));
            }
        }
        // Children's names: the word lists' stand unless the name probe read one as a look-alike.
        for (Finding f : lexical) {
            if (f.isAttachment() || f.kind() != FindingKind.CHILD_NAME) {
                continue;
            }
            NameScore n = scores.name(f.start(), f.end());
            if (n == null) {
                out.add(f);
            } else if (n.isChild()) {
                out.add(f.withScore(n.value()));
            }
        }
        return out;
    }

    /** The kinds found in a text: a score over its threshold, or a kept word-list finding. */
    static Set<Kind> kinds(Scores scores, List<Finding> lexical) {
        EnumSet<Kind> out = EnumSet.noneOf(Kind.class);
        for (Finding f : decide(scores, lexical, () -> new java.util.HashSet<>(lexical))) {
            for (Kind k : Kind.ALL) {
                if (f.kind() == k.finding() || k.decided().contains(f.kind())) {
                    out.add(k);
                }
            }
        }
        out.addAll(Train.kept(lexical));
        return out;
    }

    @Override
    public Set<FindingKind> decides() {
        return DECIDES;
    }

    /** 3.2.1, 4.1, 4.2, 4.3, 5.4 and 5.5: the clauses the tier's kinds are cited under. */
    @Override
    public Set<String> thresholdClauses() {
        return CLAUSES;
    }

    /**
     * This detector with a school's thresholds: a clause's threshold applies to every kind cited under it
     * (5.4's to absences, appointments and pick-up changes alike).
     */
    @Override
    public SemanticDetector withThresholds(java.util.Map<String, Double> byClause) {
        java.util.Map<Kind, Double> byKind = new java.util.EnumMap<>(Kind.class);
        for (var e : byClause.entrySet()) {
            if (!CLAUSES.contains(e.getKey())) {
                throw new IllegalArgumentException("clause " + e.getKey() + " has no semantic classifier");
            }
            for (Kind k : Kind.ALL) {
                if (k.clause().equals(e.getKey())) {
                    byKind.put(k, e.getValue());
                }
            }
        }
        return byKind.isEmpty() ? this : new SemanticDetector(tier.withThresholds(byKind));
    }

    /**
     * This detector with a school's adjustments (its {@value SchoolTraining#FILE}, written by
     * {@code ./policy train CASES OUT}).
     *
     * @throws IllegalArgumentException naming {@code source} and what is wrong with the file, or when it
     *     was learnt against other built-in weights
     */
    @Override
    public SemanticDetector withSchoolTraining(byte[] file, String source) {
        SchoolAdjustments a = SchoolAdjustments.read(file, source);
        try {
            return new SemanticDetector(tier.withAdjustments(a));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static final Set<String> CLAUSES;

    static {
        java.util.TreeSet<String> c = new java.util.TreeSet<>();
        Kind.ALL.forEach(k -> c.add(k.clause()));
        CLAUSES = java.util.Collections.unmodifiableSet(c);
    }

    @Override
    public String digest() {
        return tier.digest();
    }

    /** Closes the tier's model session. */
    @Override
    public void close() {
        tier.close();
    }
}

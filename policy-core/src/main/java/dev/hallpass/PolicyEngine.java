package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.Explanation.FiredRule;
import dev.hallpass.engine.RuleCache;
import dev.hallpass.engine.RuleRef;
import dev.hallpass.engine.RuleSet;
import dev.hallpass.engine.RulesRefused;
import dev.hallpass.detect.Detectors;
import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a proposed message may be sent, under one school's profile and rule set.
 *
 * <p>Build one at start-up and share it: an engine is immutable and thread-safe, and {@link
 * #evaluate} may be called from any number of threads at once. Engines on the same rule files
 * share one compiled rule base and one pool of Drools sessions; the pool holds as many sessions
 * as evaluations have ever run at once, each reset and reused.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder()
 *         .profile(SchoolProfile.load(Path.of("oakfield.yaml")))
 *         .build();
 * Decision d = engine.evaluate(message);
 * }</pre>
 *
 * <p>The pipeline: message + profile → detectors → findings → rules → clause matches → combiner →
 * decision.
 */
public final class PolicyEngine {
    /** The clause id cited when a message could not be checked at all (not a policy clause). */
    public static final String UNCHECKED_CLAUSE = "unchecked";
    /**
     * The pseudo-clause a decision cites (outcome ALLOW) when the semantic tier could not load and the
     * host asked to fall back to the word lists ({@link Builder#semanticFallback(boolean)}).
     */
    public static final String LEXICAL_ONLY_CLAUSE = "lexical-only";
    /** The largest school training file read from a rules folder. */
    static final long MAX_SCHOOL_TRAINING_BYTES = 8L * 1024 * 1024;

    static final String BUILT_IN_RULES = "hallpass/rules/";
    static final String SCHOOL_CLAUSES = "clauses.yaml";
    /** The default limit on a message's text: 1,000,000 UTF-16 chars. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 1_000_000;
    /** The most findings of one kind passed to the rules and reported as evidence for one message. */
    public static final int MAX_FINDINGS_PER_KIND = 32;
    /**
     * The most findings passed to the rules for one message, all kinds together: past it, each kind
     * keeps an equal share of its first findings (at least one), so no kind is ever dropped and a
     * rule joining two findings meets at most this many squared pairs.
     */
    public static final int MAX_FINDINGS = 256;
    /** The default most rule firings and clause matches for one message ({@link Builder#maxMatches}). */
    public static final int DEFAULT_MAX_MATCHES = 10_000;
    /** The default CPU budget of one message's rule phase ({@link Builder#ruleCpuBudget}). */
    public static final java.time.Duration DEFAULT_RULE_CPU_BUDGET = java.time.Duration.ofMillis(25);
    /** The default limit on a message's attachments. */
    public static final int DEFAULT_MAX_ATTACHMENTS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);

    private final SchoolProfile profile;
    private final Catalogue catalogue;
    private final Pipeline pipeline;

    private PolicyEngine(SchoolProfile profile, Catalogue catalogue, Pipeline pipeline) {
        this.profile = profile;
        this.catalogue = catalogue;
        this.pipeline = pipeline;
    }

    /** A builder: the built-in profile and rules unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides on one message. Never returns null and never throws for a message's content: if the
     * rules fail at run time, the decision cites {@value #UNCHECKED_CLAUSE} with the failure
     * outcome (WARN unless {@link Builder#onFailure} says BLOCK), never a silent ALLOW.
     *
     * @throws NullPointerException if {@code message} is null
     * @throws InvalidMessageException if the message is over this engine's limits on text length
     *     or attachments (see {@link Builder#maxTextLength}), it is never truncated and allowed; or
     *     if it is a class story or class chat post whose {@code classId} is not a class of the
     *     profile (when the profile lists classes): {@code classId: unknown class "x"}
     */
    public Decision evaluate(ProposedMessage message) {
        return pipeline.run(message, null, null);
    }

    /**
     * Decides on one message and says how: the findings and the rules that fired. Slower than
     * {@link #evaluate}; for people and tools, not for the send path.
     *
     * @throws NullPointerException if {@code message} is null
     */
    public Explanation explain(ProposedMessage message) {
        List<Finding> findings = new ArrayList<>();
        List<RuleRef> fired = new ArrayList<>();
        Decision decision = pipeline.run(message, findings, fired);
        return new Explanation(decision, findings.stream().map(Evidence::of).toList(),
                fired.stream().map(r -> new FiredRule(r.rule(), r.clause(), r.file())).toList(), pipeline.meaningReport(message),
                pipeline.nameReasons(message));
    }

    /** The profile this engine decides for. */
    public SchoolProfile profile() {
        return profile;
    }

    /**
     * The policy digest (contract §7.2): {@code "sha256:<hex>"} over everything that decides this
     * engine's decisions: every rule file, the clause catalogue, the word lists, the profile, the
     * semantic tier's model and weights (or that it is off) and the engine's limits. Engines built
     * from the same inputs have the same digest, in any JVM; every decision carries it.
     */
    public String policyDigest() {
        return pipeline.digest();
    }

    /** Every clause of the catalogue, in document order. */
    public List<Clause> clauses() {
        return List.copyOf(catalogue.all());
    }

    /** True when this engine's rules were loaded from {@link Builder#compiledRulesCache}; for tests. */
    boolean rulesFromCache() {
        return pipeline.rulesFromCache();
    }

    /**
     * Builds a {@link PolicyEngine}. Each setter checks its argument at once; {@link #build()}
     * compiles the rules. Not thread-safe; the engine it builds is.
     */
    public static final class Builder {
        private SchoolProfile profile;
        private final Map<String, String> extraRules = new LinkedHashMap<>();
        private final Map<String, String> extraClauses = new LinkedHashMap<>();
        private final java.util.Set<String> trusted = new java.util.HashSet<>();
        private final List<DecisionListener> listeners = new ArrayList<>();
        private TextHasher hasher;
        private int maxTextLength = DEFAULT_MAX_TEXT_LENGTH;
        private int maxAttachments = DEFAULT_MAX_ATTACHMENTS;
        private Outcome failureOutcome = Outcome.WARN;
        private Path rulesCache;
        private int maxMatches = DEFAULT_MAX_MATCHES;
        private java.time.Duration ruleCpuBudget = DEFAULT_RULE_CPU_BUDGET;
        private Path rulesDirectory;
        private MeaningDetector meaningDetector;
        private boolean semanticTier = true;
        private boolean semanticFallback;
        private List<MeaningDetector.Provider> providers;
        private boolean schoolTraining = true;
        private byte[] schoolTrainingFile;
        /** The settings already made: each may be made once (Caffeine's rule). */
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private void once(String setting) {
            if (!set.add(setting)) {
                throw new IllegalStateException(setting + " was already set");
            }
        }

        private Builder() {}

        /**
         * The most rule firings, and the most clause matches, one message may cause ({@value
         * #DEFAULT_MAX_MATCHES} unless set). Past it the message is answered as not checked (the
         * failure outcome, citing {@value #UNCHECKED_CLAUSE} and the rule file), never allowed.
         *
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Builder maxMatches(int count) {
            once("maxMatches");
            if (count < 1) {
                throw new IllegalArgumentException("maxMatches must be positive: " + count);
            }
            this.maxMatches = count;
            return this;
        }

        /**
         * The CPU time one message's rule phase may take on its thread ({@link
         * #DEFAULT_RULE_CPU_BUDGET} unless set). A phase over budget is run once more with twenty
         * times the budget (the first run of a rule in a JVM also loads and compiles its classes,
         * and a decision must not depend on that); over that too, the message is answered as not
         * checked, naming the rule file, and the next message is evaluated as usual. A phase is
         * never stopped before it has used its budget of CPU, and is stopped within about three
         * budgets of wall time after that; so a runaway rule costs a message at most about 63
         * budgets (1.6 s at the default).
         *
         * @throws IllegalArgumentException if {@code budget} is not positive or over one minute
         */
        public Builder ruleCpuBudget(java.time.Duration budget) {
            once("ruleCpuBudget");
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.isZero() || budget.compareTo(java.time.Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("ruleCpuBudget must be positive and at most one minute: " + budget);
            }
            this.ruleCpuBudget = budget;
            return this;
        }

        /**
         * Keeps compiled rules in {@code directory}, so a later build of the same rules (in this
         * or another process) loads them instead of compiling them: for processes that start
         * often, such as a command line. Off unless called. The directory is created owner-only
         * when missing. An entry is used only when it was written for exactly these rule files,
         * clause catalogue and Drools, Hallpass and Java versions, belongs to this user, passes its
         * checksum and holds nothing but Drools packages; anything else is ignored, and the rules
         * are compiled and the entry rewritten. A cache that cannot be read or written never
         * makes {@link #build()} fail; it is logged at WARN. Messages never reach the cache.
         *
         * @throws NullPointerException if {@code directory} is null
         */
        public Builder compiledRulesCache(Path directory) {
            once("compiledRulesCache");
            this.rulesCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The school's profile; the built-in one when never called.
         *
         * @throws NullPointerException if {@code profile} is null
         */
        public Builder profile(SchoolProfile profile) {
            once("profile");
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Adds every {@code .drl} file in {@code directory} to the built-in rules; a file with the
         * same name as a built-in one replaces it. A {@code clauses.yaml} there adds the school's own
         * clauses to the catalogue (same format as the built-in one). The folder is read by {@link
         * #build()}, not here; a file also given by {@link #rule} is taken from {@link #rule}.
         *
         * @throws NullPointerException if {@code directory} is null
         * @throws IllegalStateException if a rules directory was already set
         */
        public Builder rulesDirectory(Path directory) {
            once("rulesDirectory");
            this.rulesDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Reads the rules directory: its rule files and its clauses, or a problem naming the path. */
        private void readRulesDirectory(Map<String, String> rules, Map<String, String> clauses) {
            if (!Files.isDirectory(rulesDirectory)) {
                throw new RuleLoadException(List.of(new RuleProblem(rulesDirectory.toString(), 0, 0, "not a directory")));
            }
            try (Stream<Path> files = Files.list(rulesDirectory)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                    rules.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
                Path file = rulesDirectory.resolve(SCHOOL_CLAUSES);
                if (Files.isRegularFile(file)) {
                    clauses.put(SCHOOL_CLAUSES, Files.readString(file, StandardCharsets.UTF_8));
                }
                Path training = rulesDirectory.resolve(MeaningDetector.SCHOOL_TRAINING_FILE);
                schoolTrainingFile = null;
                if (Files.isRegularFile(training)) {
                    if (Files.size(training) > MAX_SCHOOL_TRAINING_BYTES) {
                        throw new RuleLoadException(List.of(new RuleProblem(training.toString(), 0, 0,
                                Files.size(training) + " bytes, over the limit of " + MAX_SCHOOL_TRAINING_BYTES)));
                    }
                    schoolTrainingFile = Files.readAllBytes(training);
                }
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new RuleLoadException(List.of(new RuleProblem(rulesDirectory.toString(), 0, 0,
                        "cannot be read (" + cause.getClass().getSimpleName() + ")")), cause);
            }
        }

        /**
         * The longest text this engine evaluates, in UTF-16 chars ({@value #DEFAULT_MAX_TEXT_LENGTH}
         * unless set); a longer message is refused with {@link InvalidMessageException}, never
         * truncated.
         *
         * @throws IllegalArgumentException if {@code chars} is not positive
         */
        public Builder maxTextLength(int chars) {
            once("maxTextLength");
            if (chars < 1) {
                throw new IllegalArgumentException("maxTextLength must be positive: " + chars);
            }
            this.maxTextLength = chars;
            return this;
        }

        /**
         * What a message gets when it could not be checked (a rule threw or looped): WARN by
         * default, or BLOCK for a school that would rather hold such messages. Never ALLOW.
         *
         * @throws IllegalArgumentException for ALLOW or REDIRECT (a redirect needs a route)
         */
        public Builder onFailure(Outcome outcome) {
            once("onFailure");
            if (outcome != Outcome.WARN && outcome != Outcome.BLOCK) {
                throw new IllegalArgumentException("onFailure must be WARN or BLOCK, not " + outcome);
            }
            this.failureOutcome = outcome;
            return this;
        }

        /**
         * The most attachments a message may have ({@value #DEFAULT_MAX_ATTACHMENTS} unless set).
         *
         * @throws IllegalArgumentException if {@code count} is negative
         */
        public Builder maxAttachments(int count) {
            once("maxAttachments");
            if (count < 0) {
                throw new IllegalArgumentException("maxAttachments must not be negative: " + count);
            }
            this.maxAttachments = count;
            return this;
        }

        /**
         * Adds a listener told about every decision (with no personal data), such as a {@link
         * DecisionLog}.
         *
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(DecisionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The key for the keyed hash of message text in {@link DecisionEvent#textHash()}; a random
         * key per engine when never set (hashes then compare only within one engine's life).
         *
         * @throws IllegalArgumentException if the key is shorter than 16 bytes
         */
        public Builder textHashKey(byte[] key) {
            once("textHashKey");
            this.hasher = new TextHasher(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Adds a school's own clauses to the catalogue (the format of {@code hallpass/clauses.yaml});
         * a clause with a built-in id replaces it. Checked when the engine is built.
         *
         * @param fileName the name errors will cite
         * @param yaml the clauses
         */
        public Builder clauses(String fileName, String yaml) {
            if (extraClauses.putIfAbsent(Objects.requireNonNull(fileName, "fileName"), Objects.requireNonNull(yaml, "yaml")) != null) {
                throw new IllegalStateException("clauses file " + fileName + " was already added");
            }
            return this;
        }

        /**
         * Adds one rule file; a file with the same name as a built-in one replaces it.
         *
         * @param fileName the name errors will cite, ending in {@code .drl}
         * @param drl the rule file's text
         * @throws IllegalArgumentException if the name does not end in {@code .drl}
         */
        public Builder rule(String fileName, String drl) {
            Objects.requireNonNull(drl, "drl");
            if (fileName == null || !fileName.endsWith(".drl")) {
                throw new IllegalArgumentException("rule file name must end in .drl: " + fileName);
            }
            if (extraRules.putIfAbsent(fileName, drl) != null) {
                throw new IllegalStateException("rule file " + fileName + " was already added");
            }
            return this;
        }

        /**
         * Adds a rule file compiled as written, without the rule-file validator: for this project's
         * own tests of what happens when a rule throws or loops at run time. Never exposed to
         * hosts or schools.
         */
        Builder trustedRule(String fileName, String drl) {
            rule(fileName, drl);
            trusted.add(fileName);
            return this;
        }

        /**
         * Adds a detector that reads messages for their meaning (the semantic tier of
         * {@code policy-semantic}) beside the word lists. Without one, only the word lists and the
         * pattern recognizers detect.
         *
         * @throws NullPointerException if {@code detector} is null
         */
        public Builder meaningDetector(MeaningDetector detector) {
            once("meaningDetector");
            this.meaningDetector = java.util.Objects.requireNonNull(detector, "detector");
            return this;
        }

        /**
         * Whether the semantic tier reads messages (default true): with {@code policy-semantic} on the
         * class path, every engine uses it unless this is false. False leaves the word lists and the
         * pattern recognizers alone; a detector given to {@link #meaningDetector} is then not used either.
         */
        public Builder semanticTier(boolean on) {
            once("semanticTier");
            this.semanticTier = on;
            return this;
        }

        /**
         * What happens when the semantic tier on the class path cannot load (no ONNX Runtime native
         * library for this platform, a damaged model): by default {@link #build()} fails with a
         * {@link PolicyException} that says why.
         * True builds an engine on the word lists alone instead, and every decision it makes carries a
         * reason citing {@value #LEXICAL_ONLY_CLAUSE} (outcome ALLOW) that says so; never silently.
         */
        public Builder semanticFallback(boolean fallBack) {
            once("semanticFallback");
            this.semanticFallback = fallBack;
            return this;
        }

        /** The detector to use: the one given, else the class path's provider, else none; and why none when it failed. */
        /**
         * Whether the semantic tier reads the school's {@value MeaningDetector#SCHOOL_TRAINING_FILE} from
         * the {@linkplain #rulesDirectory rules folder} (default true); false decides with the built-in
         * weights alone, as {@code ./policy test} does to show the school's training before and after.
         */
        public Builder schoolTraining(boolean use) {
            once("schoolTraining");
            this.schoolTraining = use;
            return this;
        }

        /** Replaces the class path's providers (for this project's tests of a tier that cannot load). */
        Builder providers(List<MeaningDetector.Provider> given) {
            this.providers = List.copyOf(given);
            return this;
        }

        private record Meaning(MeaningDetector detector, String unavailable) {}

        private Meaning resolveMeaning(SchoolProfile p) {
            if (!semanticTier) {
                return new Meaning(null, null);
            }
            MeaningDetector d = meaningDetector;
            if (d == null) {
                List<MeaningDetector.Provider> found = new ArrayList<>();
                if (providers != null) {
                    found.addAll(providers);
                } else {
                    java.util.ServiceLoader.load(MeaningDetector.Provider.class, PolicyEngine.class.getClassLoader()).forEach(found::add);
                }
                if (found.size() > 1) {
                    throw new PolicyException("more than one semantic tier on the class path: "
                            + found.stream().map(x -> x.getClass().getName()).toList());
                }
                if (found.isEmpty()) {
                    return new Meaning(null, null);
                }
                try {
                    d = java.util.Objects.requireNonNull(found.get(0).load(), "the provider gave no detector");
                } catch (RuntimeException | LinkageError e) {
                    String why = "the semantic tier could not load: " + e.getMessage();
                    if (!semanticFallback) {
                        throw new PolicyException(why + " (semanticTier(false) runs on the word lists alone; "
                                + "semanticFallback(true) falls back to them with every decision marked)", e);
                    }
                    LOG.warn("{}; every decision is marked as checked by the word lists alone", why);
                    return new Meaning(null, why);
                }
            }
            if (schoolTraining && schoolTrainingFile != null) {
                try {
                    d = d.withSchoolTraining(schoolTrainingFile, MeaningDetector.SCHOOL_TRAINING_FILE);
                } catch (IllegalArgumentException e) {
                    throw new RuleLoadException(List.of(new RuleProblem(rulesDirectory.resolve(MeaningDetector.SCHOOL_TRAINING_FILE).toString(),
                            0, 0, e.getMessage())));
                }
            }
            final MeaningDetector detector = d;
            Map<String, Double> thresholds = new LinkedHashMap<>();
            p.clauses().forEach((id, c) -> {
                if (c.threshold() != null) {
                    thresholds.put(id, c.threshold());
                }
            });
            List<String> bad = thresholds.keySet().stream().filter(id -> !detector.thresholdClauses().contains(id))
                    .sorted(Catalogue.CLAUSE_ORDER)
                    .map(id -> "clauses." + id + ".threshold: clause " + id + " has no semantic classifier (thresholds apply to "
                            + detector.thresholdClauses().stream().sorted(Catalogue.CLAUSE_ORDER).toList() + ")")
                    .toList();
            if (!bad.isEmpty()) {
                throw new InvalidProfileException("profile", bad);
            }
            return new Meaning(thresholds.isEmpty() ? detector : detector.withThresholds(thresholds), null);
        }

        /**
         * Compiles the rules and builds the engine.
         *
         * @throws RuleLoadException if a rule file is refused, does not compile or cites an unknown
         *     clause, or a school's clauses are malformed
         * @throws InvalidProfileException if the profile names a clause the catalogue lacks
         */
        public PolicyEngine build() {
            DetectorSetup.warmUpInBackground(); // the word lists load while the profile and rules are read
            SchoolProfile p = profile != null ? profile : SchoolProfile.builtIn();
            Map<String, String> extraRules = new LinkedHashMap<>();
            Map<String, String> extraClauses = new LinkedHashMap<>();
            if (rulesDirectory != null) {
                readRulesDirectory(extraRules, extraClauses);
            }
            extraRules.putAll(this.extraRules);
            extraClauses.putAll(this.extraClauses);
            Catalogue merged = Catalogue.builtIn();
            for (Map.Entry<String, String> e : extraClauses.entrySet()) {
                merged = merged.plus(Catalogue.parse(e.getValue(), e.getKey()));
            }
            Catalogue catalogue = merged;
            List<String> unknown = p.clauses().keySet().stream()
                    .filter(id -> catalogue.clause(id).isEmpty())
                    .sorted(Catalogue.CLAUSE_ORDER)
                    .map(id -> "clauses." + id + ": no such clause in the catalogue")
                    .toList();
            if (!unknown.isEmpty()) {
                throw new InvalidProfileException("profile", unknown);
            }
            Map<String, String> builtIn = builtInRules();
            List<RuleSet.Source> base = new ArrayList<>();
            builtIn.forEach((name, text) -> {
                if (!extraRules.containsKey(name)) {
                    base.add(new RuleSet.Source(name, text, RuleSet.Origin.BUILT_IN));
                }
            });
            List<RuleSet.Source> school = new ArrayList<>();
            extraRules.forEach((name, text) -> school.add(new RuleSet.Source(name, text,
                    trusted.contains(name) ? RuleSet.Origin.UNCHECKED_FOR_TESTS : RuleSet.Origin.SCHOOL)));
            RuleCache cache = rulesCache == null ? null : new RuleCache(rulesCache);
            List<String> clauseIds = catalogue.all().stream().map(Clause::id).toList();
            RuleSet rules;
            RuleSet schoolRules;
            try {
                rules = RuleSet.compileShared(base, clauseIds, cache);
                schoolRules = school.isEmpty() ? null : RuleSet.compileShared(school, clauseIds, cache);
            } catch (RulesRefused e) {
                throw new RuleLoadException(e.problems().stream()
                        .map(x -> new RuleProblem(x.file(), x.line(), x.column(), x.message())).toList());
            }
            if (schoolRules != null) {
                List<RuleProblem> clashes = new ArrayList<>();
                for (RuleRef r : schoolRules.rules()) {
                    rules.rules().stream().filter(b -> b.rule().equals(r.rule())).findFirst().ifPresent(b -> clashes.add(
                            new RuleProblem(r.file(), 0, 0, "rule name \"" + r.rule() + "\" is also used in " + b.file())));
                }
                if (!clashes.isEmpty()) {
                    throw new RuleLoadException(clashes);
                }
            }
            Meaning meaning = resolveMeaning(p);
            Map<String, String> catalogueSources = new LinkedHashMap<>();
            catalogueSources.put(Catalogue.RESOURCE, Resources.text(Catalogue.RESOURCE, "clause catalogue"));
            catalogueSources.putAll(extraClauses);
            List<RuleSet.Source> allRules = new ArrayList<>(base);
            allRules.addAll(school);
            String digest = PolicyDigest.of(allRules, catalogueSources, p,
                    meaning.detector() != null ? meaning.detector().digest() : meaning.unavailable() != null ? "unavailable" : null,
                    "maxTextLength=" + maxTextLength + " maxAttachments=" + maxAttachments + " onFailure=" + failureOutcome
                            + " maxMatches=" + maxMatches + " ruleCpuBudget=" + ruleCpuBudget);
            try {
                return new PolicyEngine(p, catalogue, new Pipeline(p, catalogue, rules, schoolRules, listeners, hasher != null ? hasher : TextHasher.random(),
                        maxTextLength, maxAttachments, failureOutcome, new RuleSet.Bounds(maxMatches, ruleCpuBudget.toNanos()),
                        meaning.detector(), meaning.unavailable(), digest));
            } catch (IllegalArgumentException e) {
                // A school's word list that cannot be compiled (a phrase with no words in it).
                throw new InvalidProfileException("profile", List.of("words: " + e.getMessage()));
            }
        }

        static Map<String, String> builtInRules() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : Resources.text(BUILT_IN_RULES + "INDEX", "built-in rule resource").lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                out.put(name, Resources.text(BUILT_IN_RULES + name, "built-in rule resource"));
            }
            return out;
        }
    }

    static Collection<String> builtInRuleNames() {
        return Builder.builtInRules().keySet();
    }
}

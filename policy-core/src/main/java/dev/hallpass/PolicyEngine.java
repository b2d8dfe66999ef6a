package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.Explanation.FiredRule;
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
    private final Detectors detectors;
    private final RuleSet rules;
    /** The school's own rule files, in a rule base of their own so that their failure never loses a built-in clause; null when none. */
    private final RuleSet schoolRules;
    private final Combiner combiner;
    private final List<DecisionListener> listeners;
    private final TextHasher hasher;
    private final int maxTextLength;
    private final int maxAttachments;
    private final Outcome failureOutcome;
    private final RuleSet.Bounds bounds;
    private final RuleSet.Bounds retryBounds;
    /** A rule phase over its budget is run once more with this many times the budget before it counts as unchecked. */
    static final int RETRY_FACTOR = 20;
    private final boolean anyClassTeachers;

    private PolicyEngine(SchoolProfile profile, Catalogue catalogue, RuleSet rules, RuleSet schoolRules, List<DecisionListener> listeners, TextHasher hasher,
            int maxTextLength, int maxAttachments, Outcome failureOutcome, RuleSet.Bounds bounds) {
        this.profile = profile;
        this.catalogue = catalogue;
        this.detectors = DetectorSetup.detectors(profile);
        this.rules = rules;
        this.schoolRules = schoolRules;
        this.combiner = new Combiner(profile, catalogue);
        this.listeners = List.copyOf(listeners);
        this.hasher = hasher;
        this.maxTextLength = maxTextLength;
        this.maxAttachments = maxAttachments;
        this.failureOutcome = failureOutcome;
        this.bounds = bounds;
        this.retryBounds = new RuleSet.Bounds(bounds.maxMatches(), bounds.cpuBudgetNanos() * RETRY_FACTOR);
        this.anyClassTeachers = profile.classes().stream().anyMatch(c -> !c.teachers().isEmpty());
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
        return run(message, null, null);
    }

    /**
     * Decides on one message and says how: the findings and the rules that fired. Slower than
     * {@link #evaluate}; for people and tools, not for the send path.
     *
     * @throws NullPointerException if {@code message} is null
     */
    public Explanation explain(ProposedMessage message) {
        List<Finding> findings = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        Decision decision = run(message, findings, fired);
        return new Explanation(decision, findings.stream().map(Evidence::of).toList(), fired);
    }

    /** The profile this engine decides for. */
    public SchoolProfile profile() {
        return profile;
    }

    /** Every clause of the catalogue, in document order. */
    public List<Clause> clauses() {
        return List.copyOf(catalogue.all());
    }

    /** True when this engine's rules were loaded from {@link Builder#compiledRulesCache}; for tests. */
    boolean rulesFromCache() {
        return rules.fromCache() && (schoolRules == null || schoolRules.fromCache());
    }

    private Decision run(ProposedMessage message, List<Finding> findingsOut, List<FiredRule> trace) {
        Objects.requireNonNull(message, "message");
        if (message.text().length() > maxTextLength) {
            throw new InvalidMessageException("text", message.text().length() + " characters, over this engine's limit of " + maxTextLength);
        }
        if (message.attachments().size() > maxAttachments) {
            throw new InvalidMessageException("attachments", message.attachments().size() + " attachments, over this engine's limit of " + maxAttachments);
        }
        checkClass(message);
        List<Finding> findings = List.of();
        Decision decision;
        try {
            findings = capped(detectors.scan(message.text(), DetectorSetup.attachmentTypes(message)));
            if (findingsOut != null) {
                findingsOut.addAll(findings);
            }
            Message facts = facts(message);
            List<ClauseMatch> matches = runBounded(rules, facts, findings, trace);
            RuleSet.RunFailure schoolFailure = null;
            if (schoolRules != null) {
                try {
                    matches = new ArrayList<>(matches);
                    matches.addAll(runBounded(schoolRules, facts, findings, trace));
                } catch (RuleSet.RunFailure e) {
                    schoolFailure = e;
                }
            }
            decision = combiner.combine(message.id(), matches);
            if (schoolFailure != null) {
                // The built-in clauses still decide; the school's rules add that they could not finish.
                LOG.error("message {} could not be fully checked: rule file {}: {}", message.id(), schoolFailure.file(), schoolFailure.getMessage());
                decision = Combiner.withReason(decision, uncheckedReason(schoolFailure.file()));
            }
        } catch (RuleSet.RunFailure e) {
            // What the failure says names a rule file and a bound, never a fact or the text.
            LOG.error("message {} could not be checked: rule file {}: {}", message.id(), e.file(), e.getMessage());
            decision = unchecked(message.id(), e.file());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The exception's message may quote facts; log only its type, never the message text.
            LOG.error("message {} could not be checked: {}", message.id(), e.getClass().getName());
            decision = unchecked(message.id(), null);
        }
        if (!listeners.isEmpty()) {
            tell(message, decision, findings);
        }
        return decision;
    }

    /**
     * Runs one rule base within the bounds; over the CPU budget, once more with {@value
     * #RETRY_FACTOR} times the budget: the first run of a rule in a JVM also loads and compiles its
     * classes, and a decision must not depend on that.
     */
    private List<ClauseMatch> runBounded(RuleSet set, Message facts, List<Finding> findings, List<FiredRule> trace) {
        int traced = trace == null ? 0 : trace.size();
        try {
            return set.run(facts, findings, trace, bounds);
        } catch (RuleSet.RunFailure e) {
            if (!e.overBudget()) {
                throw e;
            }
            if (trace != null) {
                trace.subList(traced, trace.size()).clear();
            }
            return set.run(facts, findings, trace, retryBounds);
        }
    }

    /**
     * At most {@value #MAX_FINDINGS_PER_KIND} findings of each kind go to the rules (the first in
     * text order): rules only ask whether a kind is present, so a message naming a child ten
     * thousand times is decided as one naming them thirty-two times, in bounded time, and its
     * evidence lists the first thirty-two.
     */
    static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= MAX_FINDINGS_PER_KIND) {
            return findings;
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Finding f : findings) {
            counts.merge(f.label(), 1, Integer::sum);
        }
        int total = 0;
        for (int c : counts.values()) {
            total += Math.min(c, MAX_FINDINGS_PER_KIND);
        }
        int perLabel = total <= MAX_FINDINGS ? MAX_FINDINGS_PER_KIND : Math.max(1, MAX_FINDINGS / counts.size());
        if (total == findings.size() && perLabel == MAX_FINDINGS_PER_KIND) {
            return findings;
        }
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (seen.merge(f.label(), 1, Integer::sum) <= perLabel) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** A class post must name a class of the profile, when the profile has any (contract §7.1). */
    private void checkClass(ProposedMessage m) {
        boolean classChannel = m.channel() == Channel.CLASS_STORY || m.channel() == Channel.CLASS_CHAT;
        if (classChannel && m.classId() != null && !profile.classes().isEmpty() && profile.schoolClass(m.classId()).isEmpty()) {
            String id = m.classId().length() > 64 ? m.classId().substring(0, 64) + "…" : m.classId();
            throw new InvalidMessageException("classId", "unknown class \"" + id + "\"");
        }
    }

    private void tell(ProposedMessage m, Decision d, List<Finding> findings) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        findings.forEach(f -> counts.merge(f.label(), 1, Integer::sum));
        DecisionEvent event = new DecisionEvent(m.id(), m.sentAt(), m.channel(), m.sender().role(), d.outcome(), d.redirectTo(),
                d.reasons().stream().map(Reason::clause).toList(),
                d.reasons().stream().filter(Reason::shadow).map(Reason::clause).toList(),
                d.obligations(), counts, hasher.hash(m.text()));
        for (DecisionListener l : listeners) {
            try {
                l.decided(event);
            } catch (RuntimeException e) {
                LOG.warn("a decision listener failed: {}", e.getClass().getName());
            }
        }
    }

    private Decision unchecked(String id, String ruleFile) {
        Reason reason = uncheckedReason(ruleFile);
        return Combiner.decide(id, List.of(reason));
    }

    private Reason uncheckedReason(String ruleFile) {
        String which = ruleFile == null || ruleFile.equals("?") ? "" : " (rule file " + ruleFile + " could not finish)";
        return new Reason(UNCHECKED_CLAUSE, failureOutcome, null,
                "This message could not be checked against the school's policy" + which
                        + ". Please make sure it follows the policy before you send it.",
                List.of(), List.of(), false);
    }

    private Message facts(ProposedMessage m) {
        ZonedDateTime local = m.sentAt().atZone(profile.timezone());
        SchoolProfile.SchoolClass schoolClass = profile.schoolClass(m.classId()).orElse(null);
        // A class story without a class: where the profile lists class teachers, nobody can tell it
        // is the sender's class (contract 7.1), so it counts as a listed class the sender does not teach.
        boolean listed = schoolClass != null ? !schoolClass.teachers().isEmpty()
                : m.classId() == null && m.channel() == Channel.CLASS_STORY && anyClassTeachers;
        boolean teaches = listed && schoolClass != null && m.sender().id() != null && schoolClass.teachers().contains(m.sender().id());
        return new Message(m.id(), m.channel(), m.sender().role(), m.channel().audience(),
                m.classId() == null ? "" : m.classId(), listed, teaches, profile.isWorkingTime(local),
                local.toLocalDate(), local.toLocalTime(), local.getDayOfWeek(), m.attachments().size());
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

        private Builder() {}

        /**
         * The most rule firings, and the most clause matches, one message may cause ({@value
         * #DEFAULT_MAX_MATCHES} unless set). Past it the message is answered as not checked (the
         * failure outcome, citing {@value #UNCHECKED_CLAUSE} and the rule file), never allowed.
         *
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Builder maxMatches(int count) {
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
         * checked, naming the rule file, and the next message is evaluated as usual. So a rule can
         * cost a message at most 21 times the budget.
         *
         * @throws IllegalArgumentException if {@code budget} is not positive or over one minute
         */
        public Builder ruleCpuBudget(java.time.Duration budget) {
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
            this.rulesCache = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The school's profile; the built-in one when never called.
         *
         * @throws NullPointerException if {@code profile} is null
         */
        public Builder profile(SchoolProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Adds every {@code .drl} file in {@code directory} to the built-in rules; a file with the
         * same name as a built-in one replaces it. A {@code clauses.yaml} there adds the school's own
         * clauses to the catalogue (same format as the built-in one).
         *
         * @throws IllegalArgumentException if {@code directory} is not a readable directory
         * @throws UncheckedIOException if a file cannot be read
         */
        public Builder rulesDirectory(Path directory) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("rules directory " + directory + " is not a directory");
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                    rule(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
                Path clauses = directory.resolve(SCHOOL_CLAUSES);
                if (Files.isRegularFile(clauses)) {
                    clauses(SCHOOL_CLAUSES, Files.readString(clauses, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rules directory " + directory, e);
            }
            return this;
        }

        /**
         * The longest text this engine evaluates, in UTF-16 chars ({@value #DEFAULT_MAX_TEXT_LENGTH}
         * unless set); a longer message is refused with {@link InvalidMessageException}, never
         * truncated.
         *
         * @throws IllegalArgumentException if {@code chars} is not positive
         */
        public Builder maxTextLength(int chars) {
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
            extraClauses.put(Objects.requireNonNull(fileName, "fileName"), Objects.requireNonNull(yaml, "yaml"));
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
            extraRules.put(fileName, drl);
            return this;
        }

        /**
         * Adds a rule file compiled as written, without {@link RuleValidator}: for this project's
         * own tests of what happens when a rule throws or loops at run time. Never exposed to
         * hosts or schools.
         */
        Builder trustedRule(String fileName, String drl) {
            rule(fileName, drl);
            trusted.add(fileName);
            return this;
        }

        /**
         * Compiles the rules and builds the engine.
         *
         * @throws RuleLoadException if a rule file is refused, does not compile or cites an unknown
         *     clause, or a school's clauses are malformed
         * @throws InvalidProfileException if the profile names a clause the catalogue lacks
         */
        public PolicyEngine build() {
            SchoolProfile p = profile != null ? profile : SchoolProfile.builtIn();
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
            RuleSet rules = RuleSet.compileShared(base, catalogue, cache);
            RuleSet schoolRules = school.isEmpty() ? null : RuleSet.compileShared(school, catalogue, cache);
            if (schoolRules != null) {
                List<RuleProblem> clashes = new ArrayList<>();
                for (FiredRule r : schoolRules.rules()) {
                    rules.rules().stream().filter(b -> b.rule().equals(r.rule())).findFirst().ifPresent(b -> clashes.add(
                            new RuleProblem(r.file(), 0, 0, "rule name \"" + r.rule() + "\" is also used in " + b.file())));
                }
                if (!clashes.isEmpty()) {
                    throw new RuleLoadException(clashes);
                }
            }
            try {
                return new PolicyEngine(p, catalogue, rules, schoolRules, listeners, hasher != null ? hasher : TextHasher.random(),
                        maxTextLength, maxAttachments, failureOutcome, new RuleSet.Bounds(maxMatches, ruleCpuBudget.toNanos()));
            } catch (IllegalArgumentException e) {
                // A school's word list that cannot be compiled (a phrase with no words in it).
                throw new InvalidProfileException("profile", List.of("words: " + e.getMessage()));
            }
        }

        static Map<String, String> builtInRules() {
            Map<String, String> out = new LinkedHashMap<>();
            ClassLoader loader = PolicyEngine.class.getClassLoader();
            for (String name : read(loader, BUILT_IN_RULES + "INDEX").lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                out.put(name, read(loader, BUILT_IN_RULES + name));
            }
            return out;
        }

        private static String read(ClassLoader loader, String resource) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PolicyException("built-in rule resource " + resource + " not found: is policy-rules on the class path?");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Collection<String> builtInRuleNames() {
        return Builder.builtInRules().keySet();
    }
}

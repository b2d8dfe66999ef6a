package dev.hallpass.engine;

import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The Drools glue: compiles named rule sources into one rule base and runs it over one message's
 * facts. Nothing of Drools leaves this class. The rule base is immutable once built and shared by
 * all threads; each evaluation takes a session of its own from a pool (Drools resets a pooled
 * session when it is disposed, so nothing of one message reaches the next) and returns it.
 * Traced runs ({@code explain}) get a fresh session, so their listener never joins the pool.
 */
public final class RuleSet {
    /** Where a rule file comes from, which decides how it is checked. */
    public enum Origin {
        /** The project's own files: checked and written out like a school's, with {@link RuleValidator.Limits#BUILT_IN}. */
        BUILT_IN,
        /** A school's file: untrusted, checked and written out with {@link RuleValidator.Limits#SCHOOL}. */
        SCHOOL,
        /**
         * Compiled as written, unchecked: only for this project's own tests of what happens when a
         * rule throws or loops at run time, which no checked file can. Never reachable by hosts.
         */
        UNCHECKED_FOR_TESTS
    }

    /** A rule file: its name (used in every error), its text, and where it comes from. */
    public record Source(String name, String text, Origin origin) {}

    /** Changes whenever what the validator accepts or writes out changes: part of every cache key. */
    static final int VALIDATOR_VERSION = 2;

    /** A class filter lets the session's object store visit only the clause matches. */
    private static final org.kie.api.runtime.ClassObjectFilter CLAUSE_MATCHES = new org.kie.api.runtime.ClassObjectFilter(ClauseMatch.class);
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

    private final KieBase kieBase;
    private final Map<String, RuleRef> rules;
    private final boolean fromCache;

    /** Sessions reused across evaluations: creating one costs more than evaluating a message. */
    private final org.kie.api.runtime.KieSessionsPool pool;

    /** What the rules gave for facts they cannot tell apart; null when not every condition could be read. */
    private final RuleMemo memo;

    private RuleSet(KieBase kieBase, Map<String, RuleRef> rules, boolean fromCache, List<Source> sources) {
        this.kieBase = kieBase;
        this.rules = rules;
        this.fromCache = fromCache;
        this.pool = kieBase.newKieSessionsPool(2);
        // A source compiled unchecked may do anything in its consequence: its results are not kept.
        this.memo = sources.stream().anyMatch(s -> s.origin() == Origin.UNCHECKED_FOR_TESTS) ? null : RuleMemo.of(kieBase);
    }

    /** The memo of this rule set's results, or null when its runs are not kept (for tests in this package). */
    RuleMemo memo() {
        return memo;
    }

    /** Every rule of this set. */
    public java.util.Collection<RuleRef> rules() {
        return rules.values();
    }

    /** True when the packages came from a {@link RuleCache} rather than the compiler. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Largest rule file read, in characters. */
    public static final int MAX_SOURCE_CHARS = 256 * 1024;
    /** The most rules in one rule set (a school's files together). */
    public static final int MAX_RULES = 2_000;
    /** The most rules with two Finding patterns in one rule set. */
    public static final int MAX_PAIR_RULES = 32;
    private static final int SHARED_CAPACITY = 32;
    private static final Map<String, RuleSet> SHARED = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > SHARED_CAPACITY;
        }
    };

    /**
     * Like {@link #compile}, but engines whose rule sources and catalogue are the same share one
     * compiled rule base (it depends on nothing else): a thousand schools on the default rules
     * compile them once. On a miss, {@code cache} (when not null) is asked before the compiler.
     */
    public static RuleSet compileShared(List<Source> sources, List<String> catalogue, RuleCache cache) {
        String key = key(sources, catalogue);
        synchronized (SHARED) {
            RuleSet hit = SHARED.get(key);
            if (hit != null) {
                return hit;
            }
        }
        RuleSet compiled = cache == null ? compile(sources, catalogue) : compileCached(sources, catalogue, cache);
        synchronized (SHARED) {
            SHARED.putIfAbsent(key, compiled);
            return SHARED.get(key);
        }
    }

    /** Forgets every shared rule base: for tests that must see the compiler or the cache at work. */
    public static void forgetShared() {
        synchronized (SHARED) {
            SHARED.clear();
        }
    }

    /**
     * Loads the compiled packages from {@code cache} when it holds them for exactly these sources,
     * catalogue and versions, and they pass the same clause checks as a fresh compile; otherwise
     * compiles and, on success only, stores the packages there. Problems with the cache are never
     * the caller's: the result is as {@link #compile} would give.
     *
     * @throws RulesRefused as {@link #compile}
     */
    static RuleSet compileCached(List<Source> sources, List<String> catalogue, RuleCache cache) {
        String cacheKey = RuleCache.key(key(sources, catalogue));
        var cached = cache.load(cacheKey);
        if (cached.isPresent()) {
            try {
                Map<String, RuleRef> rules = checked(cached.get(), sources, catalogue);
                org.drools.kiesession.rulebase.InternalKnowledgeBase base =
                        org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
                base.addPackages(cached.get());
                return new RuleSet(base, rules, true, sources);
            } catch (RuntimeException | LinkageError e) {
                // The key matched, so these sources compiled cleanly once: the file is wrong, not the rules.
                org.slf4j.LoggerFactory.getLogger(RuleSet.class).warn(
                        "compiled-rules cache file {} ignored: its packages do not check ({}); recompiling",
                        cache.file(cacheKey), e.getClass().getName());
            }
        }
        return compile(sources, catalogue, packages -> cache.store(cacheKey, packages));
    }

    private static String key(List<Source> sources, List<String> catalogue) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(("validator " + VALIDATOR_VERSION + "\u0001").getBytes(StandardCharsets.UTF_8));
            for (Source s : sources) {
                sha.update((s.name() + "\u0000" + s.origin() + "\u0000" + s.text() + "\u0001").getBytes(StandardCharsets.UTF_8));
            }
            catalogue.forEach(id -> sha.update((id + "\u0002").getBytes(StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles every source. Every rule must carry {@code @clause("id")} naming a catalogue clause.
     *
     * @throws RulesRefused with every problem as file:line:col
     */
    static RuleSet compile(List<Source> sources, List<String> catalogue) {
        return compile(sources, catalogue, packages -> { });
    }

    /** As {@link #compile(List, List)}; {@code compiled} sees the packages of a successful compile only. */
    private static RuleSet compile(List<Source> sources, List<String> catalogue, java.util.function.Consumer<Collection<KiePackage>> compiled) {
        // Nothing of a file reaches Drools' compiler but the text the validator wrote from what it checked.
        List<Problem> refused = new ArrayList<>();
        List<Source> compiledSources = new ArrayList<>();
        Map<String, Map<Integer, Integer>> lineMaps = new HashMap<>();
        Set<String> clauseIds = Set.copyOf(catalogue);
        int ruleCount = 0;
        int pairRules = 0;
        Map<String, String> javaNames = new HashMap<>();
        for (Source source : sources) {
            if (source.text().length() > MAX_SOURCE_CHARS) {
                refused.add(new Problem(source.name(), 1, 1, "larger than " + MAX_SOURCE_CHARS + " characters"));
            } else if (source.origin() == Origin.UNCHECKED_FOR_TESTS) {
                compiledSources.add(source);
            } else {
                RuleValidator.Result r = RuleValidator.validate(source.name(), source.text(), clauseIds,
                        source.origin() == Origin.BUILT_IN ? RuleValidator.Limits.BUILT_IN : RuleValidator.Limits.SCHOOL);
                refused.addAll(r.problems());
                for (RuleValidator.RuleInfo info : r.rules()) {
                    ruleCount++;
                    pairRules += info.findingPatterns() >= 2 ? 1 : 0;
                    // Drools names a rule's Java classes after the rule with every other character as '_'.
                    String javaName = info.name().replaceAll("[^A-Za-z0-9]", "_");
                    String other = javaNames.putIfAbsent(javaName, info.name());
                    if (other != null && !other.equals(info.name())) {
                        refused.add(new Problem(source.name(), info.line(), 1, "rule names \"" + info.name() + "\" and \"" + other
                                + "\" differ only in spaces or punctuation: Drools cannot tell them apart, rename one"));
                    }
                    if (source.origin() == Origin.SCHOOL && ruleCount == MAX_RULES + 1) {
                        refused.add(new Problem(source.name(), info.line(), 1, "more than " + MAX_RULES + " rules in the school's rule files"));
                    }
                    if (source.origin() == Origin.SCHOOL && info.findingPatterns() >= 2 && pairRules == MAX_PAIR_RULES + 1) {
                        refused.add(new Problem(source.name(), info.line(), 1, "more than " + MAX_PAIR_RULES
                                + " rules with two Finding patterns in the school's rule files (each one joins findings in pairs)"));
                    }
                }
                if (r.emitted() != null) {
                    compiledSources.add(new Source(source.name(), r.emitted(), source.origin()));
                    lineMaps.put(source.name(), r.emittedLineToSource());
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new RulesRefused(refused);
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Source source : compiledSources) {
            Resource resource = ResourceFactory.newByteArrayResource(source.text().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(source.name());
            builder.add(resource, ResourceType.DRL);
        }
        List<Problem> problems = new ArrayList<>();
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                toProblem(error, sources).map(p -> mapped(p, lineMaps)).ifPresent(problems::add);
            }
            throw new RulesRefused(problems);
        }
        Map<String, RuleRef> rules = checked(builder.getKnowledgePackages(), sources, catalogue);
        // Before the packages join a rule base, which changes them.
        compiled.accept(builder.getKnowledgePackages());
        return new RuleSet(builder.newKieBase(), rules, false, sources);
    }

    /**
     * Every rule's {@code @clause} must name a catalogue clause and every rule name be unique
     * across files; returns the rules by name.
     *
     * @throws RulesRefused with every problem found
     */
    private static Map<String, RuleRef> checked(Collection<KiePackage> packages, List<Source> sources, List<String> catalogue) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleRef> rules = new HashMap<>();
        for (KiePackage pkg : packages) {
            for (Rule rule : pkg.getRules()) {
                String file = fileOf(rule);
                Object clause = rule.getMetaData().get("clause");
                int line = lineOf(sources, file, rule.getName());
                if (clause == null || clause.toString().isBlank()) {
                    problems.add(new Problem(file, line, 0, "rule \"" + rule.getName() + "\" has no @clause(\"…\") metadata"));
                } else if (!catalogue.contains(clause.toString())) {
                    problems.add(new Problem(file, line, 0,
                            "rule \"" + rule.getName() + "\" cites clause " + clause + ", which is not in the clause catalogue"));
                }
                RuleRef previous = rules.put(rule.getName(), new RuleRef(rule.getName(), String.valueOf(clause), file));
                if (previous != null && !previous.file().equals(file)) {
                    problems.add(new Problem(file, line, 0, "rule name \"" + rule.getName() + "\" is also used in " + previous.file()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesRefused(problems);
        }
        return Map.copyOf(rules);
    }

    /**
     * What one evaluation's rule phase may cost: at most {@code maxMatches} rule firings and clause
     * matches, and at most {@code cpuBudgetNanos} of this thread's CPU time.
     */
    public record Bounds(int maxMatches, long cpuBudgetNanos) {
        public Bounds {
            if (maxMatches < 1 || cpuBudgetNanos < 1) {
                throw new IllegalArgumentException("bounds must be positive");
            }
        }
    }

    /** An evaluation that went past a bound or whose rule threw; names the rule file, never a fact. */
    public static final class RunFailure extends RuntimeException {
        private final String file;
        private final boolean overBudget;

        RunFailure(String file, String what, Throwable cause, boolean overBudget) {
            super(what, cause, false, false);
            this.file = file;
            this.overBudget = overBudget;
        }

        /** True when the CPU budget ran out (and nothing else went wrong). */
        public boolean overBudget() {
            return overBudget;
        }

        /** The rule file that failed or went past the bound ("?" when unknown). */
        public String file() {
            return file;
        }
    }

    /** This thread's CPU time, where the JVM can tell it; loaded on first use (JMX costs about 20 ms to start). */
    private static final class Cpu {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
        private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

        static long now() {
            return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }
    }

    /**
     * Watches the firings of one evaluation: counts them, and checks the CPU budget. The wall clock
     * is read on every firing (cheap). Each time a budget's worth of wall time has passed, the
     * watch looks further: the first time it only notes it (an ordinary message never gets there,
     * so the JVM's management classes are never loaded for it); from the second time on it reads
     * this thread's CPU time, and the phase is over budget once it has used more than a budget of
     * CPU since the first reading. So time the thread spent descheduled never counts against a
     * rule, a phase is never stopped before it has used its budget, and a runaway one is stopped
     * within about three budgets. Past a bound the watch halts the session and refuses every
     * further firing.
     */
    private final class Watch implements org.kie.api.runtime.rule.AgendaFilter {
        private final Bounds bounds;
        private final KieSession session;
        private long cpuMark = -1;
        private int crossings;
        private long wallCheck;
        private int firings;
        private Rule runRule;
        private int run;
        private Rule topRule;
        private int topRun;
        private long runStart;
        private long previousFiring;
        private Rule slowRule;
        private long slowest = -1;
        private String exceeded;
        private boolean overBudget;

        Watch(Bounds bounds, KieSession session) {
            this.bounds = bounds;
            this.session = session;
            this.previousFiring = System.nanoTime();
            this.runStart = previousFiring;
            this.wallCheck = previousFiring + bounds.cpuBudgetNanos();
        }

        @Override
        public boolean accept(org.kie.api.runtime.rule.Match match) {
            if (exceeded != null) {
                return false;
            }
            Rule rule = match.getRule();
            long now = System.nanoTime();
            if (rule == runRule) {
                run++;
            } else {
                // A run's time includes the network evaluation that led to its first firing.
                slowest(runRule, previousFiring - runStart);
                runRule = rule;
                run = 1;
                runStart = previousFiring;
            }
            previousFiring = now;
            if (run > topRun) {
                topRule = rule;
                topRun = run;
            }
            if (++firings > bounds.maxMatches()) {
                return stop("rules fired more than " + bounds.maxMatches() + " times for one message", topRule);
            }
            if (now - wallCheck > 0) {
                long budget = bounds.cpuBudgetNanos();
                if (++crossings == 1) {
                    wallCheck = now + budget;
                } else if (cpuMark < 0) {
                    cpuMark = Cpu.now();
                    wallCheck = now + budget;
                } else {
                    long used = Cpu.now() - cpuMark;
                    if (used > budget) {
                        overBudget = true;
                        slowest(runRule, now - runStart);
                        return stop("rules used more than " + budget / 1_000_000.0 + " ms of CPU for one message", slowRule);
                    }
                    wallCheck = now + (budget - used);
                }
            }
            return true;
        }

        private void slowest(Rule rule, long nanos) {
            if (rule != null && nanos > slowest) {
                slowest = nanos;
                slowRule = rule;
            }
        }

        private boolean stop(String what, Rule culprit) {
            exceeded = what;
            topRule = culprit;
            session.halt();
            return false;
        }

        void check(int matches) {
            if (exceeded == null && matches > bounds.maxMatches()) {
                exceeded = "rules inserted more than " + bounds.maxMatches() + " clause matches for one message";
            }
            if (exceeded != null) {
                throw new RunFailure(topRule == null ? "?" : fileOf(topRule), exceeded, null, overBudget);
            }
        }
    }

    /**
     * Runs the rules over one message's facts and returns the clause matches they inserted. Facts
     * the rules cannot tell from facts run before (the same values in every field a rule reads)
     * get the matches those gave, with this message's findings as evidence, without a session
     * ({@link RuleMemo}); a traced run always fires the rules.
     *
     * @param trace when not null, receives the rules that fired, in order
     * @throws RunFailure when a rule throws or the evaluation goes past {@code bounds}
     */
    public List<ClauseMatch> run(Message message, List<Finding> findings, List<RuleRef> trace, Bounds bounds) {
        RuleMemo.Key key = null;
        if (memo != null && trace == null) {
            key = memo.key(message, findings);
            List<ClauseMatch> known = memo.get(key, findings);
            if (known != null) {
                return known;
            }
        }
        List<ClauseMatch> matches = fire(message, findings, trace, bounds);
        if (key != null) {
            memo.put(key, findings, matches);
        }
        return matches;
    }

    /** One run of the rules in a session of their own. */
    private List<ClauseMatch> fire(Message message, List<Finding> findings, List<RuleRef> trace, Bounds bounds) {
        KieSession session = trace == null ? pool.newKieSession() : kieBase.newKieSession();
        try {
            if (trace != null) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        trace.add(rules.get(event.getMatch().getRule().getName()));
                    }
                });
            }
            session.insert(message);
            for (Finding f : findings) {
                session.insert(f);
            }
            Watch watch = new Watch(bounds, session);
            try {
                session.fireAllRules(watch, bounds.maxMatches() + 1);
            } catch (org.kie.api.runtime.rule.ConsequenceException e) {
                Rule rule = e.getMatch() == null ? null : e.getMatch().getRule();
                throw new RunFailure(rule == null ? "?" : fileOf(rule), "a rule failed: " + (e.getCause() == null ? e.getClass() : e.getCause().getClass()).getName(), e, false);
            }
            List<ClauseMatch> matches = new ArrayList<>();
            for (Object o : session.getObjects(CLAUSE_MATCHES)) {
                matches.add((ClauseMatch) o);
            }
            watch.check(matches.size());
            return matches;
        } finally {
            session.dispose();
        }
    }

    /** A compile problem in written-out text, moved to the line of the school's file it came from. */
    private static Problem mapped(Problem p, Map<String, Map<Integer, Integer>> lineMaps) {
        Map<Integer, Integer> map = lineMaps.get(p.file());
        if (map == null || !map.containsKey(p.line())) {
            return p;
        }
        return new Problem(p.file(), map.get(p.line()), 0, p.message());
    }

    private static String fileOf(Rule rule) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath();
        }
        return "?";
    }

    private static int lineOf(List<Source> sources, String file, String ruleName) {
        for (Source s : sources) {
            if (s.name().equals(file)) {
                String[] lines = s.text().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains("\"" + ruleName + "\"") && lines[i].trim().startsWith("rule")) {
                        return i + 1;
                    }
                }
            }
        }
        return 0;
    }

    private static java.util.Optional<Problem> toProblem(KnowledgeBuilderError error, List<Source> sources) {
        String file = error.getResource() != null && error.getResource().getSourcePath() != null
                ? error.getResource().getSourcePath()
                : (sources.size() == 1 ? sources.get(0).name() : "?");
        String message = error.getMessage() == null ? "error" : error.getMessage().replaceAll("\\s+", " ").trim();
        if (message.startsWith("Parser returned a null Package")) {
            return java.util.Optional.empty();
        }
        int line = 0;
        int column = 0;
        Matcher m = PARSER_POSITION.matcher(message);
        if (m.find()) {
            line = Integer.parseInt(m.group(1));
            column = Integer.parseInt(m.group(2)) + 1;
        } else if (error.getLines() != null && error.getLines().length > 0) {
            line = Math.max(error.getLines()[0], 0);
        }
        return java.util.Optional.of(new Problem(file, line, column, message));
    }
}

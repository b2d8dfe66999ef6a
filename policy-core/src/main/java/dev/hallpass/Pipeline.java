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
 * One message's way through the engine: message + profile → detectors → findings → rules (the
 * built-in rule base, then the school's) → clause matches → combiner → decision, within the
 * engine's bounds. Immutable and thread-safe; {@link PolicyEngine} is its facade.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
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
    /** The reason every decision carries when the semantic tier could not load and the host fell back, else null. */
    private final Reason lexicalOnly;
    /** The semantic tier, or null when only the word lists detect. */
    private final MeaningDetector meaning;
    private final Summary summary;
    /** The school's local time of each message, its zone's offset kept between clock changes. */
    private final LocalClock clock;
    /** The policy digest every decision carries (contract §7.2). */
    private final String digest;

    Pipeline(SchoolProfile profile, Catalogue catalogue, RuleSet rules, RuleSet schoolRules, List<DecisionListener> listeners, TextHasher hasher,
            int maxTextLength, int maxAttachments, Outcome failureOutcome, RuleSet.Bounds bounds, MeaningDetector meaning,
            String meaningUnavailable, String digest) {
        this.meaning = meaning;
        this.digest = digest;
        this.summary = new Summary(profile);
        this.clock = new LocalClock(profile.timezone());
        this.lexicalOnly = meaningUnavailable == null ? null : new Reason(PolicyEngine.LEXICAL_ONLY_CLAUSE, Outcome.ALLOW, null,
                "This message was checked by the word lists alone: the semantic tier could not load on this system.",
                List.of(), List.of(), false);
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

    /** The profile this pipeline decides for. */
    SchoolProfile profile() {
        return profile;
    }

    /** True when every rule base was loaded from the compiled-rules cache. */
    boolean rulesFromCache() {
        return rules.fromCache() && (schoolRules == null || schoolRules.fromCache());
    }

    /**
     * The decision on {@code message}, with its summary tip, a checked rewrite where one is offered,
     * and the policy digest; listeners are told. {@code findingsOut} and {@code trace}, when not
     * null, receive the findings and the rules that fired.
     */
    Decision run(ProposedMessage message, List<Finding> findingsOut, List<RuleRef> trace) {
        List<Finding> findings = findingsOut != null || listeners.isEmpty() ? findingsOut : new ArrayList<>();
        boolean[] capped = {false};
        Decision decision = decide(message, findings, trace, capped);
        Rewrite rewrite = null;
        try {
            // Past the cap some names or numbers are not in the evidence: a rewrite would leave them in.
            rewrite = capped[0] ? null : Rewriter.of(decision, message, maxTextLength, m -> decide(m, null, null));
        } catch (RuntimeException e) {
            // No rewrite is offered when it cannot be checked; the decision stands.
            LOG.error("message {}: a rewrite could not be checked: {}", message.id(), e.getClass().getName());
        }
        decision = decision.with(summary.of(decision, message), rewrite, digest);
        if (!listeners.isEmpty()) {
            tell(message, decision, findings);
        }
        return decision;
    }

    /** The policy digest of this pipeline's inputs. */
    String digest() {
        return digest;
    }

    /** The decision alone: no summary, rewrite or digest, and listeners are not told. */
    private Decision decide(ProposedMessage message, List<Finding> findingsOut, List<RuleRef> trace) {
        return decide(message, findingsOut, trace, null);
    }

    /** As {@link #decide(ProposedMessage, List, List)}; {@code cappedOut[0]} says whether findings past the cap were dropped. */
    private Decision decide(ProposedMessage message, List<Finding> findingsOut, List<RuleRef> trace, boolean[] cappedOut) {
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
            List<Finding> all = withMeaning(message.text(), detectors.scan(message.text(), DetectorSetup.attachmentTypes(message)));
            findings = capped(all);
            if (cappedOut != null) {
                cappedOut[0] = findings.size() < all.size();
            }
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
        if (lexicalOnly != null) {
            decision = Combiner.withReason(decision, lexicalOnly);
        }
        return decision;
    }

    /** Why each word of the message that could be a child's name was taken or set aside; empty when that cannot be said. */
    List<Explanation.NameReason> nameReasons(ProposedMessage message) {
        try {
            return detectors.nameNotes(message.text()).stream()
                    .map(n -> new Explanation.NameReason(n.start(), n.end(), n.taken(), n.why())).toList();
        } catch (RuntimeException e) {
            LOG.error("message {}: name reasons could not be given: {}", message.id(), e.getClass().getName());
            return List.of();
        }
    }

    /** What the meaning detector made of the message, or null without one (or when it could not say). */
    MeaningReport meaningReport(ProposedMessage message) {
        if (meaning == null) {
            return null;
        }
        try {
            return meaning.report(message.text(), detectors.scan(message.text(), DetectorSetup.attachmentTypes(message))).orElse(null);
        } catch (RuntimeException e) {
            LOG.error("message {}: the semantic tier could not report its scores: {}", message.id(), e.getClass().getName());
            return null;
        }
    }

    /**
     * The word lists' findings with the meaning detector's beside them: of the kinds it
     * {@linkplain MeaningDetector#decides() decides}, only its findings; a kind already found at the
     * same span is not added twice. Sorted as the detectors sort (spans by offset, attachments last).
     */
    private List<Finding> withMeaning(String text, List<Finding> lexical) {
        if (meaning == null) {
            return lexical;
        }
        java.util.Set<dev.hallpass.facts.FindingKind> decided = meaning.decides();
        List<Finding> out = new ArrayList<>();
        for (Finding l : lexical) {
            if (l.isAttachment() || !decided.contains(l.kind())) {
                out.add(l);
            }
        }
        int kept = out.size();
        for (Finding f : meaning.findings(text, lexical)) {
            if (f.isAttachment() || f.end() > text.length()) {
                throw new IllegalStateException("the meaning detector gave a finding outside the text");
            }
            boolean same = false;
            for (Finding o : out) {
                same |= o.kind() == f.kind() && o.start() == f.start() && o.end() == f.end();
            }
            if (!same) {
                out.add(f);
            }
        }
        if (out.size() == kept && kept == lexical.size()) {
            return lexical;
        }
        out.sort(Finding.ORDER);
        return out;
    }

    /**
     * Runs one rule base within the bounds; over the CPU budget, once more with {@value
     * #RETRY_FACTOR} times the budget: the first run of a rule in a JVM also loads and compiles its
     * classes, and a decision must not depend on that.
     */
    private List<ClauseMatch> runBounded(RuleSet set, Message facts, List<Finding> findings, List<RuleRef> trace) {
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
     * At most {@value #PolicyEngine.MAX_FINDINGS_PER_KIND} findings of each kind go to the rules (the first in
     * text order): rules only ask whether a kind is present, so a message naming a child ten
     * thousand times is decided as one naming them thirty-two times, in bounded time, and its
     * evidence lists the first thirty-two.
     */
    static List<Finding> capped(List<Finding> findings) {
        if (findings.size() <= PolicyEngine.MAX_FINDINGS_PER_KIND) {
            return findings;
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Finding f : findings) {
            counts.merge(f.label(), 1, Integer::sum);
        }
        int total = 0;
        for (int c : counts.values()) {
            total += Math.min(c, PolicyEngine.MAX_FINDINGS_PER_KIND);
        }
        int perLabel = total <= PolicyEngine.MAX_FINDINGS ? PolicyEngine.MAX_FINDINGS_PER_KIND : Math.max(1, PolicyEngine.MAX_FINDINGS / counts.size());
        if (total == findings.size() && perLabel == PolicyEngine.MAX_FINDINGS_PER_KIND) {
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
                d.obligations(), counts, hasher.hash(m.text()), d.policyDigest());
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
        return new Reason(PolicyEngine.UNCHECKED_CLAUSE, failureOutcome, null,
                "This message could not be checked against the school's policy" + which
                        + ". Please make sure it follows the policy before you send it.",
                List.of(), List.of(), false);
    }

    private Message facts(ProposedMessage m) {
        java.time.LocalDateTime local = clock.at(m.sentAt());
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
}

package dev.hallpass.engine;

import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The clause matches a rule base gave for facts it cannot tell apart, kept so that the same facts
 * are not run through Drools again. Rules only infer: what they insert depends on nothing but the
 * fields of {@link Message} and {@link Finding} their conditions read, and which findings they bind
 * for evidence (a checked consequence holds only constants and {@code because($f)}). So the memo's
 * key is exactly those fields, of the message and of every finding in the order they are inserted,
 * read from the compiled rules themselves; a finding in a match is kept as its place in that order
 * and put back from the findings of the message at hand. A message's id, offsets, time of day or
 * label are in the key only when some rule reads them.
 *
 * <p>Only rule bases whose every condition could be read are memoised (patterns of the two fact
 * types and their expressions, under and/or/not/exists); anything else, or a source compiled
 * unchecked, runs through Drools every time. Bounded: at {@value #CAPACITY} keys it starts again.
 * Thread-safe.
 */
final class RuleMemo {
    /** The most keys kept; at this size the memo is emptied and fills again with what is asked now. */
    static final int CAPACITY = 1024;

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static final Map<String, Function<Message, Object>> MESSAGE_FIELDS = messageFields();
    private static final Map<String, Function<Finding, Object>> FINDING_FIELDS = findingFields();

    private final List<Function<Message, Object>> messageFields;
    private final List<Function<Finding, Object>> findingFields;
    private final Set<String> read;
    private final ConcurrentHashMap<Key, List<Kept>> kept = new ConcurrentHashMap<>();

    private RuleMemo(Set<String> messageRead, Set<String> findingRead) {
        this.messageFields = messageRead.stream().map(MESSAGE_FIELDS::get).toList();
        this.findingFields = findingRead.stream().map(FINDING_FIELDS::get).toList();
        Set<String> all = new TreeSet<>();
        messageRead.forEach(f -> all.add("Message." + f));
        findingRead.forEach(f -> all.add("Finding." + f));
        this.read = Set.copyOf(all);
    }

    /**
     * The memo for {@code base}, or null when some condition of it cannot be read (then every run
     * goes through Drools).
     */
    static RuleMemo of(KieBase base) {
        Set<String> messageRead = new TreeSet<>();
        Set<String> findingRead = new TreeSet<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl impl) || !readable(impl.getLhs(), messageRead, findingRead)) {
                    return null;
                }
            }
        }
        return new RuleMemo(messageRead, findingRead);
    }

    /** The fields the rules read, as "Message.role", "Finding.kind": what tells two runs apart. */
    Set<String> fieldsRead() {
        return read;
    }

    private static boolean readable(RuleConditionElement e, Set<String> messageRead, Set<String> findingRead) {
        if (e instanceof GroupElement g) {
            for (RuleConditionElement child : g.getChildren()) {
                if (!readable(child, messageRead, findingRead)) {
                    return false;
                }
            }
            return true;
        }
        if (!(e instanceof Pattern p) || p.getSource() != null || !(p.getObjectType() instanceof org.drools.base.base.ClassObjectType type)) {
            return false;
        }
        Class<?> c = type.getClassType();
        Map<String, ?> fields = c == Message.class ? MESSAGE_FIELDS : c == Finding.class ? FINDING_FIELDS : null;
        if (fields == null) {
            // Drools' own initial fact (a rule of only "not"/"exists") carries nothing a rule reads.
            return c.getName().equals("org.drools.base.InitialFact") && p.getConstraints().isEmpty();
        }
        for (Constraint constraint : p.getConstraints()) {
            if (!(constraint instanceof org.drools.mvel.MVELConstraint mvel) || mvel.getExpression() == null) {
                return false;
            }
            // Every identifier that names a field of either fact type counts as read, wherever it
            // stands ("$f.start", "localDate.monthValue"): more than is read is a smaller memo, never a wrong one.
            Matcher m = IDENTIFIER.matcher(mvel.getExpression());
            while (m.find()) {
                String name = m.group();
                if (MESSAGE_FIELDS.containsKey(name)) {
                    messageRead.add(name);
                }
                if (FINDING_FIELDS.containsKey(name)) {
                    findingRead.add(name);
                }
            }
        }
        return true;
    }

    /** The key of these facts: every field the rules read, of the message and of each finding in order. */
    Key key(Message message, List<Finding> findings) {
        Object[] values = new Object[messageFields.size() + findings.size() * findingFields.size()];
        int i = 0;
        for (Function<Message, Object> f : messageFields) {
            values[i++] = f.apply(message);
        }
        for (Finding finding : findings) {
            for (Function<Finding, Object> f : findingFields) {
                values[i++] = f.apply(finding);
            }
        }
        return new Key(values, findings.size());
    }

    /** The matches kept for {@code key}, with the findings of this message as their evidence; null when none are kept. */
    List<ClauseMatch> get(Key key, List<Finding> findings) {
        List<Kept> k = kept.get(key);
        if (k == null) {
            return null;
        }
        List<ClauseMatch> out = new ArrayList<>(k.size());
        for (Kept one : k) {
            out.add(one.with(findings));
        }
        return out;
    }

    /** Keeps what the rules inserted for {@code key}; not kept when a match cites a finding that was not inserted. */
    void put(Key key, List<Finding> findings, List<ClauseMatch> matches) {
        Map<Finding, Integer> place = new IdentityHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            place.putIfAbsent(findings.get(i), i);
        }
        List<Kept> out = new ArrayList<>(matches.size());
        for (ClauseMatch m : matches) {
            int[] evidence = new int[m.evidence().size()];
            for (int i = 0; i < evidence.length; i++) {
                Integer at = place.get(m.evidence().get(i));
                if (at == null) {
                    return;
                }
                evidence[i] = at;
            }
            out.add(new Kept(evidence.length == 0 ? m : new ClauseMatch(m.clause(), m.outcome(), m.route(), m.obligations(), List.of()), evidence));
        }
        if (kept.size() >= CAPACITY) {
            kept.clear();
        }
        kept.put(key, List.copyOf(out));
    }

    /** How many keys are kept now (for tests). */
    int size() {
        return kept.size();
    }

    /** The values a key is made of, compared element by element. */
    static final class Key {
        private final Object[] values;
        private final int findings;
        private final int hash;

        Key(Object[] values, int findings) {
            this.values = values;
            this.findings = findings;
            this.hash = 31 * Arrays.hashCode(values) + findings;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.findings == findings && Arrays.equals(k.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A match as the rules inserted it, its evidence as places in the order findings were inserted. */
    private record Kept(ClauseMatch match, int[] evidence) {
        ClauseMatch with(List<Finding> findings) {
            if (evidence.length == 0) {
                return match;
            }
            List<Finding> cited = new ArrayList<>(evidence.length);
            for (int at : evidence) {
                cited.add(findings.get(at));
            }
            return new ClauseMatch(match.clause(), match.outcome(), match.route(), match.obligations(), cited);
        }
    }

    private static Map<String, Function<Message, Object>> messageFields() {
        Map<String, Function<Message, Object>> m = new LinkedHashMap<>();
        m.put("id", Message::id);
        m.put("channel", Message::channel);
        m.put("role", Message::role);
        m.put("audience", Message::audience);
        m.put("classId", Message::classId);
        m.put("classTeachersListed", Message::classTeachersListed);
        m.put("senderTeachesClass", Message::senderTeachesClass);
        m.put("duringWorkingHours", Message::duringWorkingHours);
        m.put("localDate", Message::localDate);
        m.put("localTime", Message::localTime);
        m.put("dayOfWeek", Message::dayOfWeek);
        m.put("attachmentCount", Message::attachmentCount);
        check(Message.class, m.keySet());
        return Map.copyOf(m);
    }

    private static Map<String, Function<Finding, Object>> findingFields() {
        Map<String, Function<Finding, Object>> m = new LinkedHashMap<>();
        m.put("kind", Finding::kind);
        m.put("start", Finding::start);
        m.put("end", Finding::end);
        m.put("attachment", Finding::attachment);
        m.put("label", Finding::label);
        m.put("score", Finding::score);
        check(Finding.class, m.keySet());
        return Map.copyOf(m);
    }

    /** A fact type that gains a field without a reader here must not be memoised on a key that leaves it out. */
    private static void check(Class<? extends Record> type, Set<String> names) {
        Set<String> components = new TreeSet<>();
        for (var c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        if (!components.equals(new TreeSet<>(names))) {
            throw new IllegalStateException("the memo's fields of " + type.getSimpleName() + " are " + names + ", the record's " + components);
        }
    }
}

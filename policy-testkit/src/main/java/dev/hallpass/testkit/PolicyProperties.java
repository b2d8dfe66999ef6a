package dev.hallpass.testkit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.hallpass.facts.Channel;
import dev.hallpass.Clause;
import dev.hallpass.Decision;
import dev.hallpass.Evidence;
import dev.hallpass.facts.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.Reason;
import dev.hallpass.facts.Route;
import dev.hallpass.SchoolProfile;
import dev.hallpass.SchoolProfile.ClauseSetting;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The promises every Hallpass engine should keep, default or customized, checked as properties over
 * generated drafts. A failure is an {@link AssertionError} naming the property and the smallest
 * draft QuickTheories found that breaks it.
 *
 * <pre>{@code
 * class OakfieldPolicyTest {
 *     @TestFactory
 *     Stream<DynamicTest> oakfield_keeps_the_policys_promises() {
 *         return PolicyProperties.forSchool(Path.of("school/profile.yaml"), Path.of("school/rules")).tests();
 *     }
 * }
 * }</pre>
 *
 * Instances are immutable; {@code with…} methods return a new one. Engines are built lazily and
 * cached per instance.
 */
public final class PolicyProperties {
    /** One promise. */
    public enum Property {
        /** The same message always gets the same decision. */
        DETERMINISTIC,
        /** Letter case, whitespace, trailing punctuation, curly quotes and Unicode form do not change a decision. */
        FORMATTING_DOES_NOT_MATTER,
        /** The same message in a private chat is never stricter than where many parents can see it. */
        FEWER_VIEWERS_NEVER_STRICTER,
        /** A clause switched off in the profile is never cited. */
        DISABLED_CLAUSE_NEVER_CITED,
        /** Every reason that is not ALLOW cites a catalogue clause, and carries evidence unless context decides the clause. */
        REASONS_CITE_CATALOGUE_CLAUSES_WITH_EVIDENCE,
        /** Evidence points inside the text (or at an attachment that exists) and covers the trigger it reports. */
        EVIDENCE_INSIDE_TEXT_AND_ON_THE_TRIGGER,
        /** No tip, and no decision's summary tip, repeats a child's name from the roster. */
        TIPS_NEVER_NAME_A_CHILD,
        /** A phone redirect has the profile's number for it, and the tip and the decision's summary give that number. */
        REDIRECTS_HAVE_CONTACTS,
        /**
         * Every decision that is not ALLOW has one summary tip and an ALLOW has none; a redirect's summary
         * starts with the decision's route (its phone number, the private chat or Evidence for Learning) and
         * names no other route; an HLTA who is blocked is not told to use the class chat.
         */
        SUMMARY_LEADS_WITH_THE_ROUTE,
        /**
         * A rewrite is offered only in a channel many parents see, replaces spans inside the text in order,
         * and the rewritten text, evaluated as the same message, is allowed.
         */
        REWRITES_ARE_ALLOWED,
        /**
         * Every decision carries the engine's policy digest ({@code sha256:} and 64 hex digits); an engine
         * built again from the same profile has the same digest, and one with a clause switched off another.
         */
        SAME_INPUTS_SAME_DIGEST
    }

    private static final long DEFAULT_SEED = 20_261_128L;

    private final Function<SchoolProfile, PolicyEngine> engineFor;
    private final SchoolProfile profile;
    private final int examples;
    private final long seed;
    private final Map<String, PolicyEngine> engines;

    private PolicyProperties(Function<SchoolProfile, PolicyEngine> engineFor, SchoolProfile profile, int examples, long seed,
            Map<String, PolicyEngine> engines) {
        this.engineFor = engineFor;
        this.profile = profile;
        this.examples = examples;
        this.seed = seed;
        this.engines = engines;
    }

    /**
     * The properties for a school's profile file and (optionally) its rules folder, as {@code
     * ./policy --profile F --rules DIR} would use them.
     *
     * @param rulesDirectory the school's extra rule files, or null for the built-in ones only
     */
    public static PolicyProperties forSchool(Path profileFile, Path rulesDirectory) {
        return forEngines(p -> {
            PolicyEngine.Builder b = PolicyEngine.builder().profile(p);
            if (rulesDirectory != null) {
                b.rulesDirectory(rulesDirectory);
            }
            return b.build();
        }, SchoolProfile.load(profileFile));
    }

    /**
     * The properties for engines made by {@code engineFor}: it is called with {@code profile}, and
     * with variants of it (a clause switched off) for {@link Property#DISABLED_CLAUSE_NEVER_CITED}.
     */
    public static PolicyProperties forEngines(Function<SchoolProfile, PolicyEngine> engineFor, SchoolProfile profile) {
        return new PolicyProperties(Objects.requireNonNull(engineFor), Objects.requireNonNull(profile), 300, DEFAULT_SEED,
                new ConcurrentHashMap<>());
    }

    /** The same properties, each tried on {@code n} generated drafts (default 300). */
    public PolicyProperties withExamples(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("examples must be at least 1: " + n);
        }
        return new PolicyProperties(engineFor, profile, n, seed, engines);
    }

    /** The same properties with another random seed (the default is fixed, so runs repeat). */
    public PolicyProperties withSeed(long seed) {
        return new PolicyProperties(engineFor, profile, examples, seed, engines);
    }

    /** One dynamic test per property, for a JUnit 5 {@code @TestFactory}. */
    public Stream<DynamicTest> tests() {
        return Stream.of(Property.values()).map(p -> DynamicTest.dynamicTest(p.name().toLowerCase(Locale.ROOT), () -> check(p)));
    }

    /** Checks every property; the first that fails throws. */
    public void checkAll() {
        for (Property p : Property.values()) {
            check(p);
        }
    }

    /**
     * Checks one property.
     *
     * @throws AssertionError with the property's name and the smallest counterexample found
     */
    public void check(Property property) {
        try {
            switch (property) {
                case DETERMINISTIC -> deterministic();
                case FORMATTING_DOES_NOT_MATTER -> formatting();
                case FEWER_VIEWERS_NEVER_STRICTER -> fewerViewers();
                case DISABLED_CLAUSE_NEVER_CITED -> disabledClauses();
                case REASONS_CITE_CATALOGUE_CLAUSES_WITH_EVIDENCE -> catalogueClauses();
                case EVIDENCE_INSIDE_TEXT_AND_ON_THE_TRIGGER -> evidence();
                case TIPS_NEVER_NAME_A_CHILD -> tips();
                case REDIRECTS_HAVE_CONTACTS -> contacts();
                case SUMMARY_LEADS_WITH_THE_ROUTE -> summaries();
                case REWRITES_ARE_ALLOWED -> rewrites();
                case SAME_INPUTS_SAME_DIGEST -> digests();
            }
        } catch (AssertionError e) {
            throw new AssertionError(property + " does not hold: " + e.getMessage(), e);
        }
    }

    // ---- the properties ----

    private void deterministic() {
        PolicyEngine engine = engine(profile);
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            Decision first = engine.evaluate(d.message());
            Decision second = engine.evaluate(d.message());
            require(first.equals(second), "two evaluations differ: " + gist(first) + " then " + gist(second));
        });
    }

    private static final List<UnaryOperator<String>> FORMATTING = List.of(
            s -> s.toUpperCase(Locale.ROOT), s -> s.toLowerCase(Locale.ROOT), s -> s.replace(" ", "  "),
            s -> s.replace(" ", "\t"), s -> " " + s + " ", s -> s + "!!!", s -> s + " 😊", s -> s.replaceAll("[.!?]+$", ""),
            s -> s.replace('\'', '\u2019'), s -> Normalizer.normalize(s, Normalizer.Form.NFD),
            s -> Normalizer.normalize(s, Normalizer.Form.NFC));
    private static final List<String> FORMATTING_NAMES = List.of("upper case", "lower case", "double spaces", "tabs",
            "padding", "!!! added", "emoji added", "end punctuation removed", "curly apostrophes", "NFD", "NFC");

    private void formatting() {
        PolicyEngine engine = engine(profile);
        Gen<Integer> change = integers().between(0, FORMATTING.size() - 1);
        theory().forAll(PolicyGens.drafts(profile), change).checkAssert((d, c) -> {
            Draft changed = d.withText(FORMATTING.get(c).apply(d.message().text()));
            String before = gist(engine.evaluate(d.message()));
            String after = gist(engine.evaluate(changed.message()));
            require(before.equals(after), FORMATTING_NAMES.get(c) + " changed the decision from " + before + " to " + after
                    + " (changed text: \"" + changed.message().text() + "\")");
        });
    }

    private void fewerViewers() {
        PolicyEngine engine = engine(profile);
        theory().forAll(PolicyGens.drafts(profile), PolicyGens.manyParentChannels()).checkAssert((d, many) -> {
            Decision inPrivate = engine.evaluate(d.in(Channel.PRIVATE_CHAT).message());
            Decision inMany = engine.evaluate(d.in(many).message());
            require(!inPrivate.outcome().isMoreSevereThan(inMany.outcome()),
                    "PRIVATE_CHAT gives " + gist(inPrivate) + " but " + many + " gives " + gist(inMany));
        });
    }

    private void disabledClauses() {
        List<String> enforced = engine(profile).clauses().stream().filter(Clause::enforced).map(Clause::id).toList();
        theory().forAll(PolicyGens.drafts(profile), arbitrary().pick(enforced)).checkAssert((d, clause) -> {
            Decision decision = engine(withClauseOff(clause)).evaluate(d.message());
            require(!decision.cites(clause), "clause " + clause + " is switched off but cited: " + gist(decision));
        });
    }

    private void catalogueClauses() {
        PolicyEngine engine = engine(profile);
        Map<String, Clause> catalogue = new LinkedHashMap<>();
        engine.clauses().forEach(c -> catalogue.put(c.id(), c));
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            for (Reason r : engine.evaluate(d.message()).reasons()) {
                if (r.outcome() == Outcome.ALLOW || r.clause().equals(PolicyEngine.UNCHECKED_CLAUSE)) {
                    continue;
                }
                Clause c = catalogue.get(r.clause());
                require(c != null, "reason cites clause " + r.clause() + ", which is not in the catalogue");
                require(c.decidedByContext() || !r.evidence().isEmpty(), "reason " + r.clause() + " (" + r.outcome() + ") has no evidence");
            }
        });
    }

    private void evidence() {
        PolicyEngine engine = engine(profile);
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            String text = d.message().text();
            Decision decision = engine.evaluate(d.message());
            List<Evidence> all = decision.reasons().stream().flatMap(r -> r.evidence().stream()).toList();
            for (Evidence e : all) {
                if (e.attachment() != null) {
                    require(e.attachment() < d.message().attachments().size(), "evidence points at attachment " + e.attachment()
                            + " of " + d.message().attachments().size());
                } else {
                    require(e.end() <= text.length(), "evidence " + e.start() + ".." + e.end() + " is outside a text of " + text.length());
                }
            }
            TextSample s = d.sample();
            if (s.start() >= 0 && s.trigger().finding() != null) {
                List<Evidence> ofKind = all.stream().filter(e -> e.kind() == s.trigger().finding()).toList();
                require(ofKind.isEmpty() || ofKind.stream().anyMatch(e -> e.start() < s.end() && s.start() < e.end()),
                        "evidence of " + s.trigger().finding() + " " + spans(ofKind) + " misses the trigger at " + s.start() + ".." + s.end());
            }
        });
    }

    private void tips() {
        PolicyEngine engine = engine(profile);
        List<Pattern> names = new ArrayList<>();
        profile.classes().forEach(c -> c.children().forEach(child -> {
            List<String> all = new ArrayList<>(child.aliases());
            all.add(child.name());
            all.addAll(List.of(child.name().split("\\s+")));
            all.stream().filter(n -> n.length() > 1).forEach(n -> names.add(Pattern.compile("\\b" + Pattern.quote(n) + "\\b")));
        }));
        theory().forAll(PolicyGens.drafts(profile, PolicyGens.texts(TriggerKind.CHILD_NAME, profile))).checkAssert(d -> {
            Decision decision = engine.evaluate(d.message());
            for (Reason r : decision.reasons()) {
                for (Pattern p : names) {
                    require(!p.matcher(r.message()).find(), "the tip of " + r.clause() + " names a child: \"" + r.message() + "\"");
                }
            }
            for (Pattern p : names) {
                require(decision.message() == null || !p.matcher(decision.message()).find(),
                        "the summary names a child: \"" + decision.message() + "\"");
            }
        });
    }

    private void contacts() {
        PolicyEngine engine = engine(profile);
        SchoolProfile.Contacts c = profile.contacts();
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            for (Reason r : engine.evaluate(d.message()).reasons()) {
                Route route = r.redirectTo();
                if (route == null) {
                    continue;
                }
                String phone = switch (route) {
                    case PHONE_SCHOOL -> c.school().phone();
                    case PHONE_SCHOOL_OFFICE -> c.schoolOffice().phone();
                    case PHONE_NURSING_TEAM -> c.nursingTeam().phone();
                    case EVIDENCE_FOR_LEARNING, PRIVATE_CHAT -> null;
                };
                if (route == Route.EVIDENCE_FOR_LEARNING) {
                    require(!c.evidenceForLearning().name().isBlank(), "redirect to Evidence for Learning with no name for it");
                }
                if (phone != null) {
                    require(!phone.isBlank(), "redirect to " + route + " but the profile has no number for it");
                    require(r.message().contains(phone), "redirect to " + route + " but the tip of " + r.clause()
                            + " does not give " + phone + ": \"" + r.message() + "\"");
                }
            }
        });
    }

    /** What a summary's first sentence must contain for each route. */
    private String routeMark(Route route) {
        SchoolProfile.Contacts c = profile.contacts();
        return switch (route) {
            case PHONE_SCHOOL -> c.school().phone();
            case PHONE_SCHOOL_OFFICE -> c.schoolOffice().phone();
            case PHONE_NURSING_TEAM -> c.nursingTeam().phone();
            case EVIDENCE_FOR_LEARNING -> c.evidenceForLearning().name();
            case PRIVATE_CHAT -> "private chat";
        };
    }

    private void summaries() {
        PolicyEngine engine = engine(profile);
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            Decision decision = engine.evaluate(d.message());
            String summary = decision.message();
            if (decision.outcome() == Outcome.ALLOW) {
                require(summary == null, "an ALLOW has a summary: \"" + summary + "\"");
                return;
            }
            require(summary != null && !summary.isBlank(), gist(decision) + " has no summary");
            if (decision.outcome() == Outcome.REDIRECT) {
                int stop = summary.indexOf(". ");
                String first = stop < 0 ? summary : summary.substring(0, stop + 1);
                String mark = routeMark(decision.redirectTo());
                require(first.contains(mark), "the summary of " + gist(decision) + " does not start with its route (\"" + mark + "\"): \""
                        + summary + "\"");
                for (Route other : Route.values()) {
                    String m = routeMark(other);
                    require(m.equals(mark) || !summary.contains(m), "the summary of " + gist(decision) + " also names " + other + ": \""
                            + summary + "\"");
                }
            }
            if (decision.outcome() == Outcome.BLOCK && d.message().sender().role() == dev.hallpass.facts.Role.HLTA) {
                require(!summary.toLowerCase(Locale.ROOT).contains("class chat"), "an HLTA is told to use the class chat: \"" + summary + "\"");
            }
        });
    }

    private void rewrites() {
        PolicyEngine engine = engine(profile);
        Gen<Draft> named = PolicyGens.drafts(profile, PolicyGens.texts(TriggerKind.CHILD_NAME, profile));
        theory().forAll(named, PolicyGens.manyParentChannels()).checkAssert((d, channel) -> {
            for (Draft draft : List.of(d, d.in(channel))) {
                Decision decision = engine.evaluate(draft.message());
                if (decision.rewrite() == null) {
                    continue;
                }
                require(draft.message().channel().audience() == dev.hallpass.facts.Audience.MANY_PARENTS,
                        "a rewrite is offered in " + draft.message().channel());
                int at = 0;
                for (Evidence e : decision.rewrite().replaced()) {
                    require(e.start() != null && e.start() >= at && e.end() <= draft.message().text().length(),
                            "replaced spans out of order or outside the text: " + spans(decision.rewrite().replaced()));
                    at = e.end();
                }
                Decision again = engine.evaluate(draft.withText(decision.rewrite().text()).message());
                require(again.outcome() == Outcome.ALLOW, "the rewrite \"" + decision.rewrite().text() + "\" gets " + gist(again));
            }
        });
    }

    private void digests() {
        PolicyEngine engine = engine(profile);
        String digest = engine.policyDigest();
        require(digest != null && digest.matches("sha256:[0-9a-f]{64}"), "the policy digest is " + digest);
        require(engineFor.apply(profile).policyDigest().equals(digest), "an engine built again from the same profile has another digest");
        List<String> enforced = engine.clauses().stream().filter(Clause::enforced).map(Clause::id).toList();
        require(!engine(withClauseOff(enforced.get(0))).policyDigest().equals(digest),
                "switching clause " + enforced.get(0) + " off does not change the policy digest");
        theory().forAll(PolicyGens.drafts(profile)).checkAssert(d -> {
            Decision decision = engine.evaluate(d.message());
            require(digest.equals(decision.policyDigest()), "a decision carries the digest " + decision.policyDigest() + ", not " + digest);
        });
    }

    // ---- helpers ----

    private QuickTheory theory() {
        return qt().withFixedSeed(seed).withExamples(examples).withGenerateAttempts(20 * examples);
    }

    private PolicyEngine engine(SchoolProfile p) {
        return engines.computeIfAbsent(key(p), k -> engineFor.apply(p));
    }

    private static String key(SchoolProfile p) {
        return String.valueOf(System.identityHashCode(p)) + p.clauses();
    }

    private SchoolProfile withClauseOff(String clause) {
        SchoolProfile p = profile;
        SchoolProfile off = p.toBuilder().clause(clause, new ClauseSetting(false, null, null)).build();
        return offProfiles.computeIfAbsent(clause, k -> off);
    }

    private final Map<String, SchoolProfile> offProfiles = new ConcurrentHashMap<>();

    private static String spans(List<Evidence> evidence) {
        return evidence.stream().map(e -> e.start() + ".." + e.end()).toList().toString();
    }

    /** What a sender sees of a decision, without evidence offsets (which move when the text does). */
    static String gist(Decision d) {
        return d.outcome() + (d.redirectTo() == null ? "" : "→" + d.redirectTo()) + " "
                + d.reasons().stream().map(r -> r.clause() + ":" + r.outcome()).toList() + " " + d.obligations();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}

package dev.hallpass.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hallpass.Clause;
import dev.hallpass.EngineProbe;
import dev.hallpass.PolicyEngine;
import dev.hallpass.facts.Audience;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.ClauseMatch;
import dev.hallpass.facts.Finding;
import dev.hallpass.facts.FindingKind;
import dev.hallpass.facts.Message;
import dev.hallpass.facts.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The memo of rule results ({@link RuleMemo}): a run answered from it is the run Drools gives, for
 * the built-in rules and for a school's rules that read what the built-in ones do not.
 */
final class RuleMemoTest {
    private static final RuleSet.Bounds BOUNDS = new RuleSet.Bounds(10_000, 5_000_000_000L);
    /** A school's rules reading a message's time and id and a finding's offsets and label. */
    private static final String SCHOOL = """
            package dev.hallpass.rules;

            import dev.hallpass.facts.Message;
            import dev.hallpass.facts.Finding;
            import dev.hallpass.facts.FindingKind;
            import dev.hallpass.facts.ClauseMatch;

            rule "4.7 late in the evening"
                @clause("4.7")
            when
                Message( localTime.hour >= 21 )
            then
                insert(ClauseMatch.warn("4.7"));
            end

            rule "4.9 the word list of money matters"
                @clause("4.9")
            when
                $f : Finding( kind == FindingKind.SCHOOL_WORDS, label == "money" )
            then
                insert(ClauseMatch.warn("4.9").because($f));
            end

            rule "4.1 a name at the very start"
                @clause("4.1")
            when
                $f : Finding( kind == FindingKind.CHILD_NAME, start < 3 )
            then
                insert(ClauseMatch.warn("4.1").because($f));
            end

            rule "4.4 one message id"
                @clause("4.4")
            when
                Message( id == "m-blocked" )
            then
                insert(ClauseMatch.block("4.4"));
            end
            """;

    private static List<String> catalogue;
    private static RuleSet builtIn;
    private static RuleSet school;

    @BeforeAll
    static void compile() {
        catalogue = PolicyEngine.builder().semanticTier(false).build().clauses().stream().map(Clause::id).toList();
        List<RuleSet.Source> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : EngineProbe.builtInRules().entrySet()) {
            sources.add(new RuleSet.Source(e.getKey(), e.getValue(), RuleSet.Origin.BUILT_IN));
        }
        builtIn = RuleSet.compile(sources, catalogue);
        school = RuleSet.compile(List.of(new RuleSet.Source("school.drl", SCHOOL, RuleSet.Origin.SCHOOL)), catalogue);
    }

    @Test
    void the_built_in_rules_are_told_apart_by_the_fields_their_conditions_read() {
        assertThat(builtIn.memo()).isNotNull();
        assertThat(builtIn.memo().fieldsRead()).containsExactlyInAnyOrder("Message.audience", "Message.channel", "Message.role",
                "Message.duringWorkingHours", "Message.classTeachersListed", "Message.senderTeachesClass", "Finding.kind");
    }

    @Test
    void a_school_rule_reading_the_time_an_id_an_offset_or_a_label_puts_that_field_in_the_key() {
        assertThat(school.memo().fieldsRead()).contains("Message.localTime", "Message.id", "Finding.start", "Finding.label", "Finding.kind");
    }

    @Test
    void messages_differing_only_in_a_field_a_school_rule_reads_get_their_own_matches() {
        Message morning = message("m-1", LocalTime.of(9, 0));
        Message night = message("m-1", LocalTime.of(21, 30));
        assertThat(clauses(school.run(morning, List.of(), null, BOUNDS))).isEmpty();
        assertThat(clauses(school.run(night, List.of(), null, BOUNDS))).containsExactly("4.7");
        assertThat(clauses(school.run(message("m-blocked", LocalTime.of(9, 0)), List.of(), null, BOUNDS))).containsExactly("4.4");

        Finding money = Finding.schoolWords("money", 10, 15);
        Finding trips = Finding.schoolWords("trips", 10, 15);
        assertThat(clauses(school.run(morning, List.of(money), null, BOUNDS))).containsExactly("4.9");
        assertThat(clauses(school.run(morning, List.of(trips), null, BOUNDS))).isEmpty();

        Finding early = Finding.span(FindingKind.CHILD_NAME, 0, 5);
        Finding later = Finding.span(FindingKind.CHILD_NAME, 20, 25);
        assertThat(clauses(school.run(morning, List.of(early), null, BOUNDS))).containsExactly("4.1");
        assertThat(clauses(school.run(morning, List.of(later), null, BOUNDS))).isEmpty();
    }

    @Test
    void a_match_from_the_memo_cites_the_findings_of_the_message_at_hand() {
        Message m = message("m-1", LocalTime.of(10, 0));
        Finding first = Finding.span(FindingKind.ABSENCE, 4, 12);
        Finding second = Finding.span(FindingKind.ABSENCE, 40, 52);
        List<ClauseMatch> fired = builtIn.run(m, List.of(first), null, BOUNDS);
        List<ClauseMatch> kept = builtIn.run(m, List.of(second), null, BOUNDS);
        assertThat(fired).extracting(ClauseMatch::evidence).containsExactly(List.of(first));
        assertThat(kept).extracting(ClauseMatch::evidence).containsExactly(List.of(second));
    }

    @Test
    void a_run_answered_from_the_memo_is_the_run_drools_gives_over_generated_facts() {
        for (RuleSet rules : List.of(builtIn, school)) {
            qt().withExamples(1_500).forAll(messages(), findings()).checkAssert((m, f) -> {
                List<ClauseMatch> drools = rules.run(m, f, new ArrayList<>(), BOUNDS);
                List<ClauseMatch> first = rules.run(m, f, null, BOUNDS);
                List<ClauseMatch> again = rules.run(m, f, null, BOUNDS);
                assertThat(first).containsExactlyInAnyOrderElementsOf(drools);
                assertThat(again).containsExactlyInAnyOrderElementsOf(drools);
            });
            assertThat(rules.memo().size()).as("the generated facts repeat keys, so some runs came from the memo").isPositive();
        }
    }

    @Test
    void a_rule_set_compiled_unchecked_is_never_memoised() {
        RuleSet unchecked = RuleSet.compile(List.of(new RuleSet.Source("t.drl", SCHOOL, RuleSet.Origin.UNCHECKED_FOR_TESTS)), catalogue);
        assertThat(unchecked.memo()).isNull();
    }

    private static List<String> clauses(List<ClauseMatch> matches) {
        return matches.stream().map(ClauseMatch::clause).sorted().toList();
    }

    private static Message message(String id, LocalTime time) {
        return new Message(id, Channel.CLASS_CHAT, Role.PARENT, Audience.MANY_PARENTS, "oak", false, false, true,
                LocalDate.of(2027, 3, 10), time, DayOfWeek.WEDNESDAY, 0);
    }

    private static Gen<Message> messages() {
        Gen<Channel> channel = Generate.enumValues(Channel.class);
        Gen<Role> role = Generate.enumValues(Role.class);
        Gen<Boolean> bool = SourceDSL.booleans().all();
        Gen<Integer> hour = SourceDSL.integers().between(0, 23);
        Gen<String> id = Generate.pick(List.of("m-1", "m-2", "m-blocked"));
        return channel.zip(role, bool, bool, (c, r, a, b) -> new Object[] {c, r, a, b})
                .zip(bool, hour, id, (o, w, h, i) -> new Message(i, (Channel) o[0], (Role) o[1], ((Channel) o[0]).audience(),
                        "oak", (Boolean) o[2], (Boolean) o[3], w, LocalDate.of(2027, 3, 10), LocalTime.of(h, 0),
                        DayOfWeek.WEDNESDAY, 0));
    }

    private static Gen<List<Finding>> findings() {
        Gen<Finding> one = Generate.enumValues(FindingKind.class).zip(SourceDSL.integers().between(0, 4),
                Generate.pick(List.of("money", "trips")), (k, at, list) -> k == FindingKind.SCHOOL_WORDS
                        ? Finding.schoolWords(list, at, at + 4)
                        : k == FindingKind.PHOTO || k == FindingKind.VIDEO ? Finding.attachment(k, at) : Finding.span(k, at, at + 4));
        return SourceDSL.lists().of(one).ofSizeBetween(0, 3);
    }
}

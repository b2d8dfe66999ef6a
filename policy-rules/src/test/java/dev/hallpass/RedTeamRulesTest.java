package dev.hallpass;

import dev.hallpass.engine.RuleSet;
import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Obligation;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hallpass.fixtures.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A red team's rule files against {@link RuleValidator}. The files in {@code redteam/} are each a
 * problem found (these tests fail until it is fixed); the files in {@code redteam/refused/} are
 * attempts the validator already refuses (single-quote breakouts, casts, OOPath, custom operators,
 * homoglyphs, extends, named consequences, every other attribute, deep nesting, backslash-u escapes, bidi
 * and zero-width characters, odd line endings...), kept as regressions.
 */
final class RedTeamRulesTest {
    private static final Path FOLDER = Path.of("src/test/resources/redteam");
    private static final Path REFUSED = FOLDER.resolve("refused");

    private static String read(String name) throws IOException {
        return Files.readString(FOLDER.resolve(name));
    }

    private static void noMarkers() throws IOException {
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            for (Path m : markers.filter(p -> p.getFileName().toString().startsWith("hallpass-pwned-")).toList()) {
                Files.delete(m);
            }
        }
    }

    @BeforeAll
    static void no_marker_files_to_start_with() throws IOException {
        noMarkers();
    }

    @AfterAll
    static void nothing_any_red_team_file_held_ran() throws IOException {
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            assertThat(markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-"))).isEmpty();
        }
    }

    /** A message of about 30,000 characters that the detectors find a few hundred things in. */
    private static ProposedMessage manyFindings() throws IOException {
        return Messages.message(Channel.CLASS_CHAT, Role.TEACHER, read("many-findings.txt"));
    }

    private static void refusedInItsOwnWords(String name) throws IOException {
        String drl = read(name);
        Throwable thrown = catchThrowable(() -> PolicyEngine.builder().rule(name, drl).build());
        assertThat(thrown).isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(name);
            assertThat(p.line()).isPositive();
            assertThat(p.message()).doesNotContain("Rule Compilation error");
        }));
    }

    // ---- problems found: these fail today ----

    @Test
    void an_oopath_pattern_is_refused_as_a_rule_problem_not_a_null_pointer_exception() throws IOException {
        refusedInItsOwnWords("oopath-pattern.drl");
    }

    @Test
    void a_rule_name_too_long_for_a_java_class_is_refused_as_a_rule_problem() throws IOException {
        refusedInItsOwnWords("long-rule-name.drl");
    }

    @Test
    void a_variable_named_like_a_drools_fact_handle_is_refused_by_the_validator_not_by_the_java_compiler() throws IOException {
        refusedInItsOwnWords("handle-variable.drl");
    }

    @Test
    void rule_names_that_differ_only_by_a_space_or_an_underscore_are_refused_in_hallpass_words() throws IOException {
        refusedInItsOwnWords("names-alike-in-java.drl");
    }

    @Test
    void a_rule_with_two_clause_annotations_is_refused() throws IOException {
        refusedInItsOwnWords("two-clauses.drl");
    }

    @Test
    void a_rule_with_two_saliences_is_refused() throws IOException {
        refusedInItsOwnWords("two-saliences.drl");
    }

    @Test
    void an_error_after_the_word_then_inside_a_string_points_at_the_error() throws IOException {
        String drl = read("then-inside-a-string.drl");
        assertThatThrownBy(() -> PolicyEngine.builder().rule("then-inside-a-string.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("ClauseMatch.bogus");
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.column()).isEqualTo(drl.lines().toList().get(4).indexOf("bogus") + 1);
                }));
    }

    @Test
    void findings_under_or_are_alternatives_not_a_join_and_are_accepted() throws IOException {
        PolicyEngine engine = PolicyEngine.builder().rule("three-findings-as-alternatives.drl", read("three-findings-as-alternatives.drl")).build();
        assertThat(engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "Amelia is off sick today")).cites("4.1")).isTrue();
        assertThat(engine.evaluate(Messages.message(Channel.PRIVATE_CHAT, Role.PARENT, "Thank you")).cites("4.1")).isFalse();
    }

    @Test
    void rules_joining_pairs_of_findings_of_any_kind_are_refused() throws IOException {
        refusedInItsOwnWords("pairs-of-findings.drl");
        refusedInItsOwnWords("two-findings-read-as-a-loop.drl");
    }

    /** Rules joining findings in pairs of named kinds, as many as a rule set may hold. */
    private static String kindedPairs(int rules) {
        StringBuilder drl = new StringBuilder("package dev.hallpass.rules;\nimport dev.hallpass.facts.*;\n");
        for (int i = 0; i < rules; i++) {
            drl.append("rule \"4.1 kinded pairs ").append(i).append("\" @clause(\"4.1\")\nwhen\n")
                    .append("    $a : Finding( kind in (FindingKind.CHILD_NAME, FindingKind.PHONE_NUMBER), start != ").append(i).append(" )\n")
                    .append("    $b : Finding( kind in (FindingKind.EMAIL, FindingKind.POSTCODE) )\nthen\n")
                    .append("    insert(ClauseMatch.warn(\"4.1\").because($a));\n    insert(ClauseMatch.warn(\"4.1\").because($b));\n")
                    .append("    insert(ClauseMatch.warn(\"4.1\").because($a));\n    insert(ClauseMatch.warn(\"4.1\").because($b));\nend\n");
        }
        return drl.toString();
    }

    @Test
    void the_most_pair_rules_a_school_may_have_answer_one_message_within_a_second() throws IOException {
        PolicyEngine engine = PolicyEngine.builder().rule("kinded-pairs.drl", kindedPairs(RuleSet.MAX_PAIR_RULES)).build();
        ProposedMessage m = manyFindings();
        engine.evaluate(m); // warm up
        long start = System.nanoTime();
        engine.evaluate(m);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A safety bound, not a speed target: before the fix, twenty such rules took 1.1-3.5 s and hundreds of MB.
        assertThat(millis).as("one evaluation, in ms").isLessThan(1_000);
        assertThatThrownBy(() -> PolicyEngine.builder().rule("kinded-pairs.drl", kindedPairs(RuleSet.MAX_PAIR_RULES + 1)).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("rules with two Finding patterns")));
    }

    @Test
    void a_school_rule_past_its_bounds_does_not_turn_a_safeguarding_redirect_into_an_unchecked_warning() throws IOException {
        ProposedMessage m = Messages.message(Channel.CLASS_CHAT, Role.TEACHER,
                read("many-findings.txt") + " " + RuleFileSafetyTest.manyFindings("m", 100).text());
        Decision before = PolicyEngine.builder().build().evaluate(m);
        assertThat(before.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(before.cites("4.3")).isTrue();
        Decision after = PolicyEngine.builder().rule("kinded-pairs.drl", kindedPairs(4)).build().evaluate(m);
        assertThat(after.cites(PolicyEngine.UNCHECKED_CLAUSE)).as("the school's rules went past the match cap").isTrue();
        assertThat(after.cites("4.3")).as("the built-in safeguarding clause still decides").isTrue();
        assertThat(after.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(after.obligations()).contains(Obligation.SAFEGUARDING_REVIEW);
    }

    // ---- attempts refused today: regressions ----

    @TestFactory
    Stream<DynamicTest> every_refused_red_team_file_is_refused_with_its_file_and_line() throws IOException {
        return dev.hallpass.fixtures.HostileFiles.eachRefusedWithFileAndLine(REFUSED);
    }

    @Test
    void the_whole_refused_folder_as_a_rules_directory_is_refused_and_nothing_in_it_runs() throws IOException {
        assertThatThrownBy(() -> PolicyEngine.builder().rulesDirectory(REFUSED).build()).isInstanceOf(RuleLoadException.class);
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            assertThat(markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-"))).isEmpty();
        }
    }
}

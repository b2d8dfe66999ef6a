package dev.hallpass;

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
    void rule_names_that_differ_only_by_a_space_or_an_underscore_both_load() throws IOException {
        PolicyEngine engine = PolicyEngine.builder().rule("names-alike-in-java.drl", read("names-alike-in-java.drl")).build();
        assertThat(engine.evaluate(Messages.message(Channel.CLASS_CHAT, Role.TEACHER, "Cover today")).cites("4.1")).isTrue();
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
    void twenty_accepted_rules_over_pairs_of_findings_keep_one_evaluation_under_a_second() throws IOException {
        PolicyEngine engine = PolicyEngine.builder().rule("pairs-of-findings.drl", read("pairs-of-findings.drl")).build();
        ProposedMessage m = manyFindings();
        engine.evaluate(m); // warm up
        long start = System.nanoTime();
        engine.evaluate(m);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("one evaluation, in ms").isLessThan(1_000);
    }

    @Test
    void one_accepted_rule_over_two_findings_does_not_turn_a_safeguarding_redirect_into_an_unchecked_warning() throws IOException {
        ProposedMessage m = manyFindings();
        Decision before = PolicyEngine.builder().build().evaluate(m);
        assertThat(before.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(before.cites("4.3")).isTrue();
        Decision after = PolicyEngine.builder().rule("two-findings-read-as-a-loop.drl", read("two-findings-read-as-a-loop.drl")).build().evaluate(m);
        assertThat(after.cites("4.3")).as("the built-in safeguarding clause still decides").isTrue();
        assertThat(after.outcome()).isEqualTo(Outcome.REDIRECT);
    }

    // ---- attempts refused today: regressions ----

    private static List<Path> refused() throws IOException {
        try (Stream<Path> files = Files.list(REFUSED)) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_refused_red_team_file_is_refused_with_its_file_and_line() throws IOException {
        return refused().stream().map(sample -> dynamicTest(sample.getFileName().toString(), () -> {
            String name = sample.getFileName().toString();
            String drl = Files.readString(sample);
            assertThatThrownBy(() -> PolicyEngine.builder().rule(name, drl).build())
                    .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                        assertThat(p.file()).isEqualTo(name);
                        assertThat(p.line()).isPositive();
                        assertThat(p.message()).doesNotContain("Rule Compilation error");
                    }));
        }));
    }

    @Test
    void the_whole_refused_folder_as_a_rules_directory_is_refused_and_nothing_in_it_runs() throws IOException {
        assertThatThrownBy(() -> PolicyEngine.builder().rulesDirectory(REFUSED).build()).isInstanceOf(RuleLoadException.class);
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            assertThat(markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-"))).isEmpty();
        }
    }
}

package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Outcome;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files: how they load, and how their mistakes are reported. */
final class RuleLoadingTest {
    private static final String HEADER = """
            package dev.hallpass.rules;

            import dev.hallpass.facts.Role;
            import dev.hallpass.facts.Message;
            import dev.hallpass.facts.ClauseMatch;

            """;

    /** A rule that throws at run time for every parent's message (only a trusted test rule can). */
    private static final String THROWS_FOR_PARENTS = HEADER + """
            rule "explodes" @clause("4.4")
            when
                $m : Message( role == Role.PARENT )
            then
                insert(ClauseMatch.block($m.classId().substring(99)));
            end
            """;

    @Test
    void the_index_lists_exactly_the_rule_files_shipped() throws IOException {
        Path folder = Path.of("src/main/resources/hallpass/rules");
        List<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList();
        }
        assertThat(PolicyEngine.builtInRuleNames()).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void every_built_in_rule_file_is_named_after_the_clause_its_rules_cite() throws IOException {
        for (String name : PolicyEngine.builtInRuleNames()) {
            String clause = name.replaceFirst("^clause-([0-9.]+?)-.*$", "$1");
            String text;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("hallpass/rules/" + name)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(text).as(name).contains("@clause(\"" + clause + "\")");
            assertThat(text.replace("@clause(\"" + clause + "\")", "")).as(name + " cites only its own clause").doesNotContain("@clause(");
        }
    }

    @Test
    void a_school_file_importing_the_enums_by_their_names_before_0_2_still_loads() {
        String drl = """
                package dev.hallpass.rules;
                import dev.hallpass.Channel;
                import dev.hallpass.Role;
                import dev.hallpass.facts.*;
                rule "4.1 parents in class stories" @clause("4.1")
                when
                    Message( channel == Channel.CLASS_STORY, role == Role.PARENT )
                then
                    insert(ClauseMatch.warn("4.1"));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().rule("school-old-imports.drl", drl).build();
        assertThat(engine.evaluate(message(Channel.CLASS_STORY, Role.PARENT, "Hello")).cites("4.1")).isTrue();
    }

    @Test
    void a_syntax_error_names_the_file_and_line() {
        String drl = HEADER + "rule \"broken\" @clause(\"4.4\")\nwhen\n    Message( role == )\nthen\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("school-broken.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleProblem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo("school-broken.drl");
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.toString()).startsWith("school-broken.drl:9:");
                });
    }

    @Test
    void an_unknown_fact_field_is_an_error_at_load() {
        String drl = HEADER + "rule \"typo\" @clause(\"4.4\")\nwhen\n    Message( rolle == Role.HLTA )\nthen\n    insert(ClauseMatch.block(\"4.4\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("school-typo.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e ->
                        assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("school-typo.drl");
                            assertThat(p.message()).contains("rolle");
                        }));
    }

    @Test
    void a_rule_must_cite_a_clause_of_the_catalogue() {
        String drl = HEADER + "rule \"made up\" @clause(\"9.9\")\nwhen\n    Message( role == Role.HLTA )\nthen\n    insert(ClauseMatch.block(\"9.9\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("school-extra.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .hasToString("school-extra.drl:7:1: rule \"made up\" cites clause 9.9, which is not in the clause catalogue"));
    }

    @Test
    void a_rule_without_clause_metadata_is_refused() {
        String drl = HEADER + "rule \"anonymous\"\nwhen\n    Message( role == Role.HLTA )\nthen\n    insert(ClauseMatch.block(\"4.4\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("school-anon.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("has no @clause")));
    }

    @Test
    void a_school_file_named_like_a_built_in_one_replaces_it(@TempDir Path dir) throws IOException {
        // An HLTA-friendly school: 4.4 replaced by a rule that only blocks HLTAs in class stories.
        Files.writeString(dir.resolve("clause-4.4-hlta-no-access.drl"), HEADER.replace("import dev.hallpass.facts.Role;",
                "import dev.hallpass.facts.Role;\nimport dev.hallpass.facts.Channel;") + """
                rule "4.4 HLTAs do not post class stories here"
                    @clause("4.4")
                when
                    Message( role == Role.HLTA, channel == Channel.CLASS_STORY )
                then
                    insert(ClauseMatch.block("4.4"));
                end
                """);
        PolicyEngine engine = PolicyEngine.builder().rulesDirectory(dir).build();
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.HLTA, "PE tomorrow")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.HLTA, "PE tomorrow")).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(engine.evaluate(message(Channel.CLASS_STORY, Role.HLTA, "PE tomorrow")).cites("4.4")).isTrue();
    }

    @Test
    void a_profile_naming_an_unknown_clause_is_refused() {
        SchoolProfile p = SchoolProfile.parse(SchoolProfileYaml.withClauses("{\"9.9\": {enabled: false}}"), "p.yaml");
        assertThatThrownBy(() -> PolicyEngine.builder().profile(p).build())
                .isInstanceOfSatisfying(InvalidProfileException.class, e ->
                        assertThat(e.problems()).containsExactly("clauses.9.9: no such clause in the catalogue"));
    }

    @Test
    void a_rule_that_throws_gives_a_warning_that_the_message_was_not_checked_never_an_allow() {
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-explodes.drl", THROWS_FOR_PARENTS).build();
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks"));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.clause()).isEqualTo(PolicyEngine.UNCHECKED_CLAUSE);
            assertThat(r.message()).contains("could not be checked");
        });
        // Other messages, which the broken rule does not touch, are still decided normally.
        assertThat(engine.evaluate(message(Channel.CLASS_CHAT, Role.HLTA, "PE")).cites("4.4")).isTrue();
    }

    @Test
    void a_message_that_failed_half_way_leaves_nothing_behind_for_the_next_one() {
        // Sessions are pooled and reused: what a failed evaluation inserted must not reach the next.
        String drl = HEADER + """
                rule "blocks parents first" @clause("4.4") salience 10
                when
                    Message( role == Role.PARENT )
                then
                    insert(ClauseMatch.block("4.4"));
                end

                rule "then explodes" @clause("4.4")
                when
                    $m : Message( role == Role.PARENT )
                then
                    insert(ClauseMatch.block($m.classId().substring(99)));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-half-way.drl", drl).build();
        for (int i = 0; i < 50; i++) {
            assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks")).cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
            Decision teacher = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.TEACHER, "Thanks"));
            assertThat(teacher.outcome()).as("evaluation %d", i).isEqualTo(Outcome.ALLOW);
            assertThat(teacher.reasons()).isEmpty();
        }
    }

    @Test
    void a_school_can_choose_to_block_what_could_not_be_checked() {
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-explodes.drl", THROWS_FOR_PARENTS).onFailure(Outcome.BLOCK).build();
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks"));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
        assertThatThrownBy(() -> PolicyEngine.builder().onFailure(Outcome.ALLOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_rule_that_loops_is_stopped_and_the_message_is_not_allowed() {
        String drl = HEADER + """
                rule "loops" @clause("4.4")
                when
                    Message( role == Role.PARENT )
                    $n : Number()
                then
                    insert(Integer.valueOf($n.intValue() + 1));
                end

                rule "seed" @clause("4.4")
                when
                    Message( role == Role.PARENT )
                then
                    insert(Integer.valueOf(0));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-loops.drl", drl).build();
        Decision d = engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks"));
        assertThat(d.outcome()).isEqualTo(Outcome.WARN);
        assertThat(d.cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
    }

    /** The built-in profile's YAML with a different clauses section. */
    static final class SchoolProfileYaml {
        static String withClauses(String clauses) {
            try (InputStream in = RuleLoadingTest.class.getClassLoader().getResourceAsStream("hallpass/default-profile.yaml")) {
                String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return yaml.replace("clauses: {}", "clauses: " + clauses);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

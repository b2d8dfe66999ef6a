package dev.hallpass;

import dev.hallpass.facts.Channel;
import dev.hallpass.facts.Outcome;
import dev.hallpass.facts.Role;
import dev.hallpass.facts.Route;
import static dev.hallpass.fixtures.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: a school's rule file is safe by construction. Each trick that ran code against the old
 * text guard is shown to run code when compiled as written (so the marker check can fail), and to
 * be refused, with nothing run, once it goes through the validator. Rules the validator accepts
 * cannot exhaust memory or hang an evaluation.
 */
final class RuleFileSafetyTest {
    private static final Path FOLDER = Path.of("src/test/resources/malicious");
    private static final String HEADER = """
            package dev.hallpass.rules;

            import dev.hallpass.facts.Route;
            import dev.hallpass.facts.*;

            """;

    @BeforeEach
    @AfterEach
    void no_markers() throws IOException {
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            for (Path m : markers.filter(p -> p.getFileName().toString().startsWith("hallpass-pwned-")).toList()) {
                Files.delete(m);
            }
        }
    }

    private static List<String> markers() throws IOException {
        try (Stream<Path> markers = Files.list(Path.of("/tmp"))) {
            return markers.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hallpass-pwned-")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-quote-consequence.drl", "single-quote-metadata.drl", "single-quote-constraint.drl"})
    void a_single_quoted_string_runs_code_when_compiled_as_written_and_is_refused_by_the_validator(String name) throws IOException {
        String drl = Files.readString(FOLDER.resolve(name));
        // The exploit is real: compiled as written, building (and for some, one evaluation) writes the marker.
        try {
            PolicyEngine.builder().trustedRule(name, drl).build().evaluate(message(Channel.CLASS_CHAT, Role.PARENT, "hi"));
        } catch (RuntimeException e) {
            // whether it then fails does not matter: the code ran
        }
        assertThat(markers()).as("the unchecked compile ran the attacker's code").isNotEmpty();
        no_markers();

        assertThatThrownBy(() -> PolicyEngine.builder().rule(name, drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo(name);
                    assertThat(p.line()).isGreaterThan(5);
                    assertThat(p.column()).isPositive();
                }));
        assertThat(markers()).isEmpty();
    }

    @Test
    void a_quote_inside_a_literal_is_refused_at_its_line_and_column() {
        String drl = HEADER + "rule \"q\" @clause(\"4.1\")\nwhen\n    Finding( label == 'SEL\"LING' )\nthen\n    insert(ClauseMatch.warn(\"4.1\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("q.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).first()
                        .satisfies(p -> assertThat(p.toString()).startsWith("q.drl:8:")));
    }

    @Test
    void six_finding_patterns_are_refused_before_anything_runs() {
        String drl = HEADER + """
                rule "4.12 every combination" @clause("4.12")
                when
                    $a : Finding()
                    $b : Finding()
                    $c : Finding()
                then
                    insert(ClauseMatch.redirect("4.12", Route.PRIVATE_CHAT).because($a));
                end
                """;
        assertThatThrownBy(() -> PolicyEngine.builder().rule("x.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).extracting(RuleProblem::toString).contains(
                                "x.drl:6:1: rule \"4.12 every combination\" has 3 Finding patterns; at most 2 are allowed "
                                        + "(each one more multiplies the work of every message)"));
    }

    @Test
    void a_rule_may_only_insert_its_own_clause() {
        String drl = HEADER + "rule \"r\" @clause(\"4.1\")\nwhen\n    Message()\nthen\n    insert(ClauseMatch.block(\"4.4\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("own.drl", drl).build())
                .isInstanceOfSatisfying(RuleLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .hasToString("own.drl:10:30: inserts a match for clause 4.4 but the rule's @clause is 4.1"));
    }

    @Test
    void conditions_nested_thousands_deep_are_refused_not_a_crash() {
        String deep = "(".repeat(5000) + "role == Role.PARENT" + ")".repeat(5000);
        String drl = HEADER + "rule \"deep\" @clause(\"4.1\")\nwhen\n    Message( " + deep + " )\nthen\n    insert(ClauseMatch.warn(\"4.1\"));\nend\n";
        assertThatThrownBy(() -> PolicyEngine.builder().rule("deep.drl", drl).build()).isInstanceOf(RuleLoadException.class);
    }

    @Test
    void windows_line_endings_are_fine_and_read_as_the_same_rules() {
        String drl = (HEADER + """
                rule "4.1 parents in class chat" @clause("4.1")
                when
                    Message( role == Role.PARENT )
                then
                    insert(ClauseMatch.warn("4.1"));
                end
                """).replace("import dev.hallpass.facts.Route;", "import dev.hallpass.facts.Role;").replace("\n", "\r\n");
        PolicyEngine engine = PolicyEngine.builder().rule("crlf.drl", drl).build();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "Thanks")).cites("4.1")).isTrue();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.TEACHER, "Thanks")).cites("4.1")).isFalse();
    }

    /** Two Finding patterns of two kinds each and four inserts: the most work one checked rule can ask. */
    static final String PAIRS = HEADER + """
            rule "4.1 every pair of findings, four times" @clause("4.1")
            when
                $a : Finding( kind in (FindingKind.CHILD_NAME, FindingKind.PHONE_NUMBER) )
                $b : Finding( kind in (FindingKind.EMAIL, FindingKind.POSTCODE) )
            then
                insert(ClauseMatch.warn("4.1").because($a));
                insert(ClauseMatch.warn("4.1").because($b));
                insert(ClauseMatch.warn("4.1").because($a));
                insert(ClauseMatch.warn("4.1").because($b));
            end
            """;

    /** A private-chat message with {@code n} names and as many phone numbers, e-mails and postcodes. */
    static ProposedMessage manyFindings(String id, int n) {
        return manyFindings(id, n, Channel.CLASS_CHAT);
    }

    static ProposedMessage manyFindings(String id, int n, Channel channel) {
        StringBuilder text = new StringBuilder();
        String[] names = {"Amelia", "Oliver", "Grace", "Jack", "Isla", "Mohammed"};
        for (int i = 0; i < n; i++) {
            text.append(names[i % names.length]).append(" 07700 900").append(String.format("%03d", i % 1000))
                    .append(" a").append(i).append("@example.com SW1A 1AA. ");
        }
        return new ProposedMessage(id, channel, new Sender("p-1", Role.PARENT), "oak", text.toString(), List.of(),
                Instant.parse("2026-11-24T10:15:00Z"));
    }

    @Test
    void a_rule_asking_for_more_matches_than_the_cap_is_answered_unchecked_naming_its_file_and_the_next_message_is_decided() {
        PolicyEngine engine = PolicyEngine.builder().rule("school-pairs.drl", PAIRS).build();
        Decision flood = engine.evaluate(manyFindings("m-1", 200));
        // The built-in clauses, in a rule base of their own, still decide; the school's rules could not finish.
        assertThat(flood.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(flood.reasons()).extracting(Reason::clause).contains("3.2.1", "4.12", PolicyEngine.UNCHECKED_CLAUSE);
        assertThat(flood.reason(PolicyEngine.UNCHECKED_CLAUSE)).hasValueSatisfying(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.WARN);
            assertThat(r.message()).contains("school-pairs.drl");
        });
        Decision next = engine.evaluate(message(Channel.CLASS_CHAT, Role.HLTA, "PE today"));
        assertThat(next.cites("4.4")).isTrue();
        assertThat(next.cites(PolicyEngine.UNCHECKED_CLAUSE)).isFalse();
    }

    @Test
    void a_rule_past_its_cpu_budget_is_answered_unchecked_and_the_school_can_choose_block() {
        PolicyEngine engine = PolicyEngine.builder().rule("school-pairs.drl", PAIRS).maxMatches(1_000_000)
                .ruleCpuBudget(Duration.ofNanos(100_000)).onFailure(Outcome.BLOCK).build();
        // In a private chat no built-in rule fires on these findings: the time is the school rule's.
        Decision d = engine.evaluate(manyFindings("m-1", 200, Channel.PRIVATE_CHAT));
        assertThat(d.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(d.reason(PolicyEngine.UNCHECKED_CLAUSE)).hasValueSatisfying(r -> assertThat(r.message()).contains("school-pairs.drl"));
    }

    @Test
    void findings_passed_to_the_rules_are_capped_across_kinds_and_every_kind_keeps_its_first_findings() {
        List<dev.hallpass.facts.Finding> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            for (int list = 0; list < 20; list++) {
                many.add(dev.hallpass.facts.Finding.schoolWords("LIST" + list, i * 2, i * 2 + 1));
            }
        }
        List<dev.hallpass.facts.Finding> kept = Pipeline.capped(many);
        assertThat(kept).hasSizeLessThanOrEqualTo(PolicyEngine.MAX_FINDINGS);
        java.util.Map<String, List<dev.hallpass.facts.Finding>> byList = new java.util.TreeMap<>();
        kept.forEach(f -> byList.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(f));
        assertThat(byList).hasSize(20);
        assertThat(byList.values()).allSatisfy(fs -> {
            assertThat(fs).hasSize(PolicyEngine.MAX_FINDINGS / 20);
            assertThat(fs.get(0).start()).isZero();
        });
    }

    @Test
    void a_message_with_every_kind_many_times_is_still_decided_on_every_kind() {
        Decision d = PolicyEngine.builder().build().evaluate(manyFindings("m-1", 300));
        assertThat(d.cites("3.2.1")).isTrue();
        assertThat(d.cites("4.12")).isTrue();
    }

    @Test
    void an_out_of_memory_error_in_a_rule_is_answered_unchecked_and_the_next_message_is_decided() {
        String drl = HEADER + """
                rule "4.1 allocates too much" @clause("4.1")
                when
                    Message( role == dev.hallpass.facts.Role.PARENT )
                then
                    long[] huge = new long[Integer.MAX_VALUE - 8];
                    insert(ClauseMatch.warn("4.1"));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-oom.drl", drl).build();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "hi")).cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.HLTA, "hi")).cites("4.4")).isTrue();
    }

    @Test
    void a_stack_overflow_in_a_rule_is_answered_unchecked_and_the_next_message_is_decided() {
        String drl = HEADER + """
                function int down(int n) { return down(n + 1) + 1; }

                rule "4.1 recurses forever" @clause("4.1")
                when
                    Message( role == dev.hallpass.facts.Role.PARENT )
                then
                    insert(ClauseMatch.warn("4.1" + down(0)));
                end
                """;
        PolicyEngine engine = PolicyEngine.builder().trustedRule("school-deep.drl", drl).build();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.PARENT, "hi")).cites(PolicyEngine.UNCHECKED_CLAUSE)).isTrue();
        assertThat(engine.evaluate(message(Channel.PRIVATE_CHAT, Role.HLTA, "hi")).cites("4.4")).isTrue();
    }

    /**
     * In a JVM of its own with a 512 MB heap: the worst rule the validator accepts, over messages
     * with as many findings as the engine takes, is answered (unchecked) within seconds, and the
     * process neither runs out of memory nor hangs.
     */
    @Test
    void the_worst_accepted_rule_is_answered_within_seconds_in_a_512_mb_heap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                BoundedRulesMain.class.getName()).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(finished).as("finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = new ArrayList<>(out.lines().toList());
        assertThat(lines).hasSize(BoundedRulesMain.MESSAGES + 1);
        assertThat(lines.subList(0, BoundedRulesMain.MESSAGES)).allSatisfy(l -> assertThat(l).startsWith("REDIRECT ").endsWith(",unchecked"));
        assertThat(lines.get(BoundedRulesMain.MESSAGES)).isEqualTo("BLOCK 4.4");
    }

    /** The forked side of the test above. */
    public static final class BoundedRulesMain {
        static final int MESSAGES = 5;

        public static void main(String[] args) {
            PolicyEngine engine = PolicyEngine.builder().rule("school-pairs.drl", PAIRS).build();
            for (int i = 0; i < MESSAGES; i++) {
                Decision d = engine.evaluate(manyFindings("m-" + i, 400));
                System.out.println(d.outcome() + " " + String.join(",", d.reasons().stream().map(Reason::clause).toList()));
            }
            Decision d = engine.evaluate(message(Channel.CLASS_CHAT, Role.HLTA, "PE today"));
            System.out.println(d.outcome() + " " + String.join(",", d.reasons().stream().map(Reason::clause).toList()));
        }
    }
}

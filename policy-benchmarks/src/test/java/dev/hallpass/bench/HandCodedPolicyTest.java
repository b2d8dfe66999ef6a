package dev.hallpass.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hallpass.facts.Outcome;
import dev.hallpass.PolicyEngine;
import dev.hallpass.ProposedMessage;
import dev.hallpass.SchoolProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The baseline is only a baseline if it decides what the engine decides on every benchmark input. */
final class HandCodedPolicyTest {
    private static PolicyEngine engine;
    private static HandCodedPolicy baseline;

    @BeforeAll
    static void build() {
        engine = PolicyEngine.builder().semanticTier(false).build();
        baseline = new HandCodedPolicy(SchoolProfile.builtIn());
    }

    static List<ProposedMessage> benchmarkInputs() {
        List<ProposedMessage> all = new ArrayList<>(Inputs.VARIED);
        for (int bytes : new int[] {100, 10_000, 1_000_000}) {
            all.add(Inputs.ofLength(bytes));
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> the_baseline_decides_as_the_engine_does_on_every_benchmark_input() {
        return benchmarkInputs().stream().map(m -> DynamicTest.dynamicTest(m.id(),
                () -> assertThat(baseline.decide(m)).isEqualTo(Verdict.of(engine.evaluate(m)))));
    }

    @Test
    void the_typical_message_is_redirected_to_the_office_citing_three_clauses() {
        Verdict v = Verdict.of(engine.evaluate(Inputs.TYPICAL));

        assertThat(v.outcome()).isEqualTo(Outcome.REDIRECT);
        assertThat(v.clauses()).containsExactly("3.2.1", "4.12", "5.4");
        assertThat(Inputs.TYPICAL.text().length()).isBetween(170, 230);
    }

    @Test
    void the_varied_messages_cover_every_outcome_and_match_the_benchmarks_operation_count() {
        assertThat(Inputs.VARIED).hasSize(8); // @OperationsPerInvocation(8) in the benchmarks
        assertThat(Inputs.VARIED.stream().map(m -> engine.evaluate(m).outcome()).distinct())
                .containsExactlyInAnyOrder(Outcome.values());
    }

    @Test
    void the_long_texts_have_the_lengths_they_are_named_for() {
        for (int bytes : new int[] {100, 10_000, 1_000_000}) {
            assertThat(Inputs.ofLength(bytes).text().length()).isBetween(bytes - Inputs.PARAGRAPH.length(), bytes);
        }
    }
}
